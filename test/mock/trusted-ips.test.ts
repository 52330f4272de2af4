import { describe, expect, it } from 'vitest';
import { parseMockEnv } from '@/mock/cli-env';
import { MOCK_CORP_ID } from '@/mock/credentials';
import { DEMO } from '@/mock/seed';
import { startMockWeCom } from '@/mock/server';
import { APPROVALS, PORTAL, useTestMock, startTestMock } from './support';

/** WeCom's 60020 errmsg: the caller's address after `from ip:` is what the operator must trust. */
const NOT_TRUSTED =
  /^not allow to access from your ip, hint: \[\d{10}_\d+_[0-9a-f]{32}\], from ip: 127\.0\.0\.1, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=60020$/;
const ELSEWHERE = ['203.0.113.7', '2001:db8::1'];

const t = useTestMock();

describe('trusted IPs (企业可信IP)', () => {
  it('a caller not in the list gets 60020 naming its address on user/get and auth/getuserinfo, but gettoken works', async () => {
    expect((await t.control('POST', 'settings', { trustedIps: ELSEWHERE })).status).toBe(200);
    const gettoken = await t.api('gettoken', { corpid: MOCK_CORP_ID, corpsecret: PORTAL.secret });
    expect(gettoken.errcode).toBe(0);
    const token = gettoken.access_token as string;

    const user = await t.api('user/get', { access_token: token, userid: DEMO.ceo });
    expect(user.errcode).toBe(60020);
    expect(user.errmsg).toMatch(NOT_TRUSTED);

    const code = await t.oauthCode({ userid: DEMO.engineer });
    const exchange = await t.api('auth/getuserinfo', { access_token: token, code });
    expect(exchange.errcode).toBe(60020);
    expect(exchange.errmsg).toMatch(NOT_TRUSTED);
    expect(exchange.userid).toBeUndefined();
  });

  it('stops agent/get, lists and tickets too, with the arrays of the success shape empty', async () => {
    const token = await t.token();
    await t.control('POST', 'settings', { trustedIps: ELSEWHERE });
    for (const [path, params] of [
      ['agent/get', { agentid: String(PORTAL.agentId) }],
      ['department/list', {}],
      ['get_jsapi_ticket', {}],
    ] as const) {
      expect((await t.api(path, { access_token: token, ...params })).errcode, path).toBe(60020);
    }
    expect((await t.api('department/list', { access_token: token })).department).toEqual([]);
  });

  it('a list holding the caller lets calls through, however the address is spelt', async () => {
    const token = await t.token();
    for (const trustedIps of [['127.0.0.1'], [...ELSEWHERE, '127.0.0.1'], ['::ffff:127.0.0.1']]) {
      await t.control('POST', 'settings', { trustedIps });
      expect((await t.api('user/get', { access_token: token, userid: DEMO.ceo })).errcode, trustedIps.join()).toBe(0);
    }
  });

  it('an empty list is not enforced, and reset empties it', async () => {
    const token = await t.token();
    await t.control('POST', 'settings', { trustedIps: ELSEWHERE });
    await t.control('POST', 'settings', { trustedIps: [] });
    expect((await t.api('user/get', { access_token: token, userid: DEMO.ceo })).errcode).toBe(0);
    await t.control('POST', 'settings', { trustedIps: ELSEWHERE });
    await t.control('POST', 'reset', { keepTokens: true });
    expect((await t.api('user/get', { access_token: token, userid: DEMO.ceo })).errcode).toBe(0);
  });

  it('checks the token first: a bad token is 40014 whatever the address', async () => {
    await t.control('POST', 'settings', { trustedIps: ELSEWHERE });
    expect((await t.api('user/get', { access_token: 'nope', userid: DEMO.ceo })).errcode).toBe(40014);
  });

  it("is the portal's setting: the second app is not restricted", async () => {
    await t.control('POST', 'settings', { trustedIps: ELSEWHERE });
    const token = await t.token(APPROVALS);
    expect((await t.api('user/get', { access_token: token, userid: DEMO.ceo })).errcode).toBe(0);
  });

  it('GET /__mock/settings shows the list once set, one spelling per address', async () => {
    expect((await t.control('GET', 'settings')).json.trustedIps).toBeUndefined();
    await t.control('POST', 'settings', { trustedIps: [' 203.0.113.7', '2001:DB8:0::1', '::ffff:127.0.0.1', '127.0.0.1'] });
    expect((await t.control('GET', 'settings')).json.trustedIps).toEqual(['203.0.113.7', '2001:db8::1', '127.0.0.1']);
  });

  it('refuses what is not a list of single addresses with 400 naming trustedIps', async () => {
    for (const trustedIps of ['127.0.0.1', ['localhost'], ['10.0.0.0/8'], ['1.2.3.4-1.2.3.9'], [127001], null]) {
      const res = await t.control('POST', 'settings', { trustedIps });
      expect(res.status, JSON.stringify(trustedIps)).toBe(400);
      expect(res.json.error).toMatch(/^trustedIps/);
    }
  });

  it('can be given at start, and a bad list stops startMockWeCom', async () => {
    const other = await startTestMock({ trustedIps: ['198.51.100.1'] });
    try {
      const token = await other.token();
      expect((await other.api('user/get', { access_token: token, userid: DEMO.ceo })).errmsg).toMatch(NOT_TRUSTED);
    } finally {
      await other.mock.close();
    }
    await expect(startMockWeCom({ quiet: true, trustedIps: ['my-server'] })).rejects.toThrow(/trustedIps/);
  });

  it('is read from MOCK_TRUSTED_IPS (comma-separated), and a bad entry names the variable', () => {
    expect(parseMockEnv({ MOCK_TRUSTED_IPS: '203.0.113.7, ::1' })).toEqual({
      ok: true,
      value: { port: 3100, trustedIps: ['203.0.113.7', '::1'] },
    });
    const bad = parseMockEnv({ MOCK_TRUSTED_IPS: '203.0.113.7,office' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^MOCK_TRUSTED_IPS: trustedIps: "office"/);
  });
});
