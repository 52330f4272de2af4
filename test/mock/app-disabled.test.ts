import { describe, expect, it } from 'vitest';
import { parseMockEnv } from '@/mock/cli-env';
import { MOCK_CORP_ID } from '@/mock/credentials';
import { DEMO } from '@/mock/seed';
import { startMockWeCom } from '@/mock/server';
import { APPROVALS, PORTAL, useTestMock, startTestMock } from './support';

const HINT = /, hint: \[\d{10}_\d+_[0-9a-f]{32}\], from ip: 127\.0\.0\.1, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=50003$/;

const t = useTestMock();

describe('a disabled app (已停用)', () => {
  it('still gets tokens; agent/get answers close: 1; user/get answers 50003', async () => {
    expect((await t.control('POST', 'settings', { appDisabled: true })).status).toBe(200);
    const gettoken = await t.api('gettoken', { corpid: MOCK_CORP_ID, corpsecret: PORTAL.secret });
    expect(gettoken.errcode).toBe(0);
    const token = gettoken.access_token as string;

    const agent = await t.api('agent/get', { access_token: token, agentid: String(PORTAL.agentId) });
    expect(agent).toMatchObject({ errcode: 0, agentid: PORTAL.agentId, close: 1 });

    const user = await t.api('user/get', { access_token: token, userid: DEMO.ceo });
    expect(user.errcode).toBe(50003);
    expect(user.errmsg).toMatch(HINT);
    expect(user.name).toBeUndefined();
  });

  it('answers 50003 on every other API of the app, error arrays echoed empty', async () => {
    const token = await t.token();
    await t.control('POST', 'settings', { appDisabled: true });
    const calls: [string, Record<string, string>][] = [
      ['auth/getuserinfo', { code: 'x' }],
      ['user/simplelist', { department_id: '1' }],
      ['department/list', {}],
      ['tag/get', { tagid: '1' }],
      ['get_jsapi_ticket', {}],
      ['ticket/get', { type: 'agent_config' }],
    ];
    for (const [path, params] of calls) expect((await t.api(path, { access_token: token, ...params })).errcode, path).toBe(50003);
    expect((await t.api('user/simplelist', { access_token: token, department_id: '1' })).userlist).toEqual([]);
    const detail = await t.apiPost('auth/getuserdetail', { access_token: token }, '{"user_ticket":"x"}');
    expect(detail.errcode).toBe(50003);
  });

  it('checks the token first: a bad token is still 40014, not 50003', async () => {
    await t.control('POST', 'settings', { appDisabled: true });
    expect((await t.api('user/get', { access_token: 'nope', userid: DEMO.ceo })).errcode).toBe(40014);
  });

  it("is the portal's setting: the second app keeps working", async () => {
    await t.control('POST', 'settings', { appDisabled: true });
    const token = await t.token(APPROVALS);
    expect((await t.api('user/get', { access_token: token, userid: DEMO.ceo })).errcode).toBe(0);
    expect((await t.api('agent/get', { access_token: token, agentid: String(APPROVALS.agentId) })).close).toBe(0);
  });

  it('enabling it again lets the same token through, and reset enables it', async () => {
    const token = await t.token();
    await t.control('POST', 'settings', { appDisabled: true });
    await t.control('POST', 'settings', { appDisabled: false });
    expect((await t.api('user/get', { access_token: token, userid: DEMO.ceo })).errcode).toBe(0);
    await t.control('POST', 'settings', { appDisabled: true });
    await t.control('POST', 'reset', { keepTokens: true });
    expect((await t.api('user/get', { access_token: token, userid: DEMO.ceo })).errcode).toBe(0);
    expect((await t.control('GET', 'settings')).json.appDisabled).toBeUndefined();
  });

  it('refuses anything but true or false with 400 naming appDisabled', async () => {
    for (const appDisabled of ['true', 1, 0, null, 'yes']) {
      const res = await t.control('POST', 'settings', { appDisabled });
      expect(res.status, String(appDisabled)).toBe(400);
      expect(res.json.error).toMatch(/^appDisabled/);
    }
  });

  it('can be given at start', async () => {
    const other = await startTestMock({ appDisabled: true });
    try {
      const token = await other.token();
      expect((await other.api('user/get', { access_token: token, userid: DEMO.ceo })).errcode).toBe(50003);
      expect((await other.control('GET', 'settings')).json.appDisabled).toBe(true);
    } finally {
      await other.mock.close();
    }
    await expect(startMockWeCom({ quiet: true, appDisabled: 'yes' as never })).rejects.toThrow(/appDisabled/);
  });

  it('is read from MOCK_APP_DISABLED (true/false/1/0), and a bad value names the variable', () => {
    for (const [raw, value] of [['true', true], ['1', true], ['FALSE', false], ['0', false]] as const) {
      expect(parseMockEnv({ MOCK_APP_DISABLED: raw })).toEqual({ ok: true, value: { port: 3100, appDisabled: value } });
    }
    const bad = parseMockEnv({ MOCK_APP_DISABLED: 'yes' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^MOCK_APP_DISABLED: /);
  });
});
