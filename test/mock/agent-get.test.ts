import { beforeEach, describe, expect, it } from 'vitest';
import { parseMockEnv } from '@/mock/cli-env';
import { DEMO, SEED_VISIBLE_DEPARTMENT_ROOTS } from '@/mock/seed';
import { startMockWeCom } from '@/mock/server';
import { APPROVALS, PORTAL, useTestMock, startTestMock } from './support';

const HINT = /, hint: \[\d{10}_\d+_[0-9a-f]{32}\], from ip: 127\.0\.0\.1, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=\d+$/;

const t = useTestMock();
let token: string;
beforeEach(async () => {
  token = await t.token();
});
const agentGet = (agentid: string, accessToken = token) => t.api('agent/get', { access_token: accessToken, agentid });

describe('agent/get', () => {
  it("answers WeCom's shape with the app's console settings", async () => {
    const body = await agentGet(String(PORTAL.agentId));
    expect(Object.keys(body).slice(0, 2)).toEqual(['errcode', 'errmsg']);
    expect(body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      agentid: PORTAL.agentId,
      name: '员工门户',
      square_logo_url: `${t.url}/__mock/logo/${PORTAL.agentId}.svg`,
      description: PORTAL.description,
      allow_userinfos: { user: [] },
      allow_partys: { partyid: SEED_VISIBLE_DEPARTMENT_ROOTS },
      allow_tags: { tagid: [] },
      close: 0,
      redirect_domain: 'localhost',
      report_location_flag: 0,
      isreportenter: 0,
      home_url: '',
    });
    const logo = await fetch(body.square_logo_url);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });

  it('reports exactly the visible range set, and the seed range again after reset', async () => {
    const visibleRange = { users: [DEMO.withAt, DEMO.outsideRange], departments: [5, 9], tags: [1] };
    await t.control('POST', 'settings', { visibleRange });
    const body = await agentGet(String(PORTAL.agentId));
    expect(body.allow_userinfos).toEqual({ user: [{ userid: 'chen.jie@hq' }, { userid: 'weidong' }] });
    expect(body.allow_partys).toEqual({ partyid: [5, 9] });
    expect(body.allow_tags).toEqual({ tagid: [1] });

    await t.control('POST', 'reset', { keepTokens: true });
    expect((await agentGet(String(PORTAL.agentId))).allow_partys).toEqual({ partyid: SEED_VISIBLE_DEPARTMENT_ROOTS });
  });

  it('reports the home URL and, as redirect_domain, the first trusted domain', async () => {
    await t.control('POST', 'settings', { homeUrl: 'https://portal.example.com/', trustedDomains: ['portal.example.com', 'localhost'] });
    expect(await agentGet(String(PORTAL.agentId))).toMatchObject({ home_url: 'https://portal.example.com/', redirect_domain: 'portal.example.com' });
    await t.control('POST', 'settings', { homeUrl: '' });
    expect((await agentGet(String(PORTAL.agentId))).home_url).toBe('');
  });

  it("the console settings are the portal's: the second app reads its own defaults", async () => {
    await t.control('POST', 'settings', { homeUrl: 'https://portal.example.com/' });
    const body = await agentGet(String(APPROVALS.agentId), await t.token(APPROVALS));
    expect(body).toMatchObject({ errcode: 0, agentid: APPROVALS.agentId, name: '审批助手', home_url: '', close: 0 });
  });

  it('answers 41011 without agentid', async () => {
    const withoutAgentId: Record<string, string>[] = [{ access_token: token }, { access_token: token, agentid: '' }];
    for (const params of withoutAgentId) {
      const body = await t.api('agent/get', params);
      expect(body.errcode).toBe(41011);
      expect(body.errmsg).toMatch(HINT);
    }
  });

  it('answers 40056 for an agentid that is no app of the corp', async () => {
    for (const agentid of ['1000009', 'abc', '-1', '1000002.0']) {
      const body = await agentGet(agentid);
      expect(body.errcode, agentid).toBe(40056);
      expect(body.errmsg).toMatch(HINT);
    }
  });

  it("answers 301002 when one app's token asks about another app", async () => {
    const body = await agentGet(String(APPROVALS.agentId));
    expect(body.errcode).toBe(301002);
    expect(body.errmsg).toMatch(/^not allow operate another agent with this accesstoken\., hint: /);
    expect(body.errmsg).toMatch(HINT);
    expect(body.agentid).toBeUndefined();
  });

  it('needs a valid token like every other qyapi call', async () => {
    expect((await t.api('agent/get', { agentid: String(PORTAL.agentId) })).errcode).toBe(41001);
    expect((await agentGet(String(PORTAL.agentId), 'not-a-token')).errcode).toBe(40014);
  });
});

describe('the home URL setting (应用主页)', () => {
  it('refuses what is not an http(s) URL with 400 naming homeUrl', async () => {
    for (const homeUrl of ['portal.example.com', 'ftp://x.example.com/', 'javascript:alert(1)', 42, null, `https://x.example.com/${'a'.repeat(2048)}`]) {
      const res = await t.control('POST', 'settings', { homeUrl });
      expect(res.status, String(homeUrl)).toBe(400);
      expect(res.json.error).toMatch(/^homeUrl/);
    }
  });

  it('is shown by GET /__mock/settings once set', async () => {
    expect((await t.control('GET', 'settings')).json.homeUrl).toBeUndefined();
    await t.control('POST', 'settings', { homeUrl: 'http://localhost:3000/' });
    expect((await t.control('GET', 'settings')).json.homeUrl).toBe('http://localhost:3000/');
  });

  it('can be given at start, and a bad one stops startMockWeCom', async () => {
    const other = await startTestMock({ homeUrl: 'https://portal.example.com/start' });
    try {
      const body = await other.api('agent/get', { access_token: await other.token(), agentid: String(PORTAL.agentId) });
      expect(body.home_url).toBe('https://portal.example.com/start');
    } finally {
      await other.mock.close();
    }
    await expect(startMockWeCom({ quiet: true, homeUrl: 'portal' })).rejects.toThrow(/homeUrl/);
  });

  it('is read from MOCK_HOME_URL, and a bad value names the variable', () => {
    expect(parseMockEnv({ MOCK_HOME_URL: 'https://portal.example.com/' })).toEqual({
      ok: true,
      value: { port: 3100, homeUrl: 'https://portal.example.com/' },
    });
    const bad = parseMockEnv({ MOCK_HOME_URL: 'portal.example.com' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^MOCK_HOME_URL: /);
  });
});
