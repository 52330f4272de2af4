import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseMockEnv } from '@/mock/cli-env';
import { DEMO } from '@/mock/seed';
import { startMockWeCom } from '@/mock/server';
import { oauthParams, startTestMock, type TestMock } from './support';

let t: TestMock;
beforeAll(async () => {
  t = await startTestMock({ privacy: 'legacy' });
});
afterAll(() => t.mock.close());
beforeEach(() => t.control('POST', 'reset'));

describe('control API input checks', () => {
  it('rejects bad JSON with 400 and a message on every POST endpoint', async () => {
    for (const path of ['identity', 'faults', 'clock', 'settings', 'miniprogram/code']) {
      const res = await t.control('POST', path, '{"userid": ');
      expect(res.status, path).toBe(400);
      expect(res.json.error).toMatch(/not valid JSON/);
    }
  });

  it('rejects wrong shapes with 400', async () => {
    expect((await t.control('POST', 'identity', { userid: 'nobody' })).status).toBe(400);
    expect((await t.control('POST', 'identity', { userid: 'li.na', refuse: true })).status).toBe(400);
    expect((await t.control('POST', 'identity', [1])).status).toBe(400);
    expect((await t.control('POST', 'clock', { advanceSeconds: '301' })).status).toBe(400);
    expect((await t.control('POST', 'settings', { privacy: 'strict' })).status).toBe(400);
    expect((await t.control('POST', 'settings', { tokenTtl: 60 })).json.error).toMatch(/unknown setting "tokenTtl"/);
    expect((await t.control('POST', 'settings', { trustedDomains: ['https://x.com'] })).status).toBe(400);
    expect((await t.control('POST', 'settings', { latencyMs: -1 })).status).toBe(400);
    expect((await t.control('POST', 'miniprogram/code', { userid: 'nobody' })).status).toBe(400);
  });

  it('answers 404 for unknown control paths and 405 for a wrong method', async () => {
    expect((await t.control('GET', 'nothing-here')).status).toBe(404);
    expect((await t.control('GET', 'reset')).status).toBe(405);
  });

  it('survives bad input: the mock still answers afterwards', async () => {
    await fetch(`${t.url}/__mock/settings`, { method: 'POST', body: '\u0000\u0001' });
    expect((await t.control('GET', 'clock')).status).toBe(200);
  });
});

describe('control API behaviour', () => {
  it('reports and moves the clock', async () => {
    expect((await t.control('GET', 'clock')).json.offsetSeconds).toBe(0);
    await t.control('POST', 'clock', { advanceSeconds: 301 });
    expect((await t.control('GET', 'clock')).json.offsetSeconds).toBe(301);
  });

  it('reset restores identity, clock, faults, counters and the start settings', async () => {
    await t.control('POST', 'identity', { userid: DEMO.ceo });
    await t.control('POST', 'clock', { advanceSeconds: 50 });
    await t.control('POST', 'faults', { path: '/cgi-bin/gettoken', errcode: -1 });
    await t.control('POST', 'settings', { privacy: 'post-2022', latencyMs: 5, trustedDomains: ['example.com'] });
    await t.api('gettoken');

    expect((await t.control('POST', 'reset')).status).toBe(200);
    expect((await t.control('GET', 'identity')).json).toEqual({ identity: null });
    expect((await t.control('GET', 'clock')).json.offsetSeconds).toBe(0);
    expect((await t.control('GET', 'faults')).json).toEqual({ faults: {} });
    expect((await t.control('GET', 'counters')).json).toEqual({});
    expect((await t.control('GET', 'settings')).json).toEqual({
      privacy: 'legacy',
      tokenTtlSeconds: 7200,
      trustedDomains: ['localhost', '127.0.0.1'],
      latencyMs: 0,
    });
  });

  it('reset drops issued tokens unless asked to keep them', async () => {
    const token = await t.token();
    const userGet = () => t.api('user/get', { access_token: token, userid: DEMO.ceo });
    expect((await t.control('POST', 'reset', { keepTokens: true })).status).toBe(200);
    expect((await userGet()).errcode).toBe(0);
    expect((await t.control('POST', 'reset', { keepTokens: 'yes' })).status).toBe(400);
    expect((await t.control('POST', 'reset')).status).toBe(200);
    expect((await userGet()).errcode).toBe(40014);
  });

  it('describes the preselected identity', async () => {
    expect((await t.control('POST', 'identity', { nonMember: true })).json).toEqual({ identity: { nonMember: true } });
    expect((await t.control('POST', 'identity', { userid: DEMO.withAt })).json).toEqual({ identity: { userid: 'chen.jie@hq' } });
  });

  it('lists the seed members and counts for the chooser and tests', async () => {
    const { json } = await t.control('GET', 'directory');
    expect(json.members).toHaveLength(47);
    expect(json.departments).toBe(16);
    expect(json.totalMembers).toBe(46);
    expect(json.members.find((m: { userid: string }) => m.userid === DEMO.outsideRange)).toMatchObject({
      name: '魏东', status: 1, departments: [15], visible: false,
    });
    const statuses = new Set(json.members.map((m: { status: number }) => m.status));
    expect([...statuses].sort()).toEqual([1, 2, 4, 5]);
  });

  it('keeps two mocks in one process apart', async () => {
    const other = await startMockWeCom({ quiet: true });
    try {
      await t.control('POST', 'identity', { userid: DEMO.ceo });
      const res = await fetch(`${other.url}/connect/oauth2/authorize?${new URLSearchParams(oauthParams())}`, { redirect: 'manual' });
      expect(res.status).toBe(200); // the other mock still shows its chooser
      expect(other.url).not.toBe(t.url);
    } finally {
      await other.close();
    }
  });

  it('binds to 127.0.0.1 only', () => {
    expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses bad start options', async () => {
    await expect(startMockWeCom({ quiet: true, tokenTtlSeconds: 0 })).rejects.toThrow(/tokenTtlSeconds/);
    await expect(startMockWeCom({ quiet: true, trustedDomains: [] })).rejects.toThrow(/trustedDomains/);
  });
});

describe('CLI environment', () => {
  it('uses port 3100 by default and reads every MOCK_* variable', () => {
    expect(parseMockEnv({})).toEqual({ ok: true, value: { port: 3100 } });
    expect(
      parseMockEnv({
        MOCK_PORT: '4000',
        MOCK_PRIVACY: 'legacy',
        MOCK_TOKEN_TTL_SECONDS: '120',
        MOCK_TRUSTED_DOMAINS: 'localhost, portal.example.com:3000',
        MOCK_DIRECTORY: 'large',
        MOCK_LATENCY_MS: '25',
      }),
    ).toEqual({
      ok: true,
      value: {
        port: 4000,
        privacy: 'legacy',
        tokenTtlSeconds: 120,
        trustedDomains: ['localhost', 'portal.example.com:3000'],
        directory: 'large',
        latencyMs: 25,
      },
    });
  });

  it('names the variable that is wrong', () => {
    const cases: [Record<string, string>, string][] = [
      [{ MOCK_PORT: 'eighty' }, 'MOCK_PORT'],
      [{ MOCK_PORT: '70000' }, 'MOCK_PORT'],
      [{ MOCK_PRIVACY: 'strict' }, 'MOCK_PRIVACY'],
      [{ MOCK_TOKEN_TTL_SECONDS: '1.5' }, 'MOCK_TOKEN_TTL_SECONDS'],
      [{ MOCK_TRUSTED_DOMAINS: 'http://x' }, 'MOCK_TRUSTED_DOMAINS'],
      [{ MOCK_DIRECTORY: 'gigantic' }, 'MOCK_DIRECTORY'],
      [{ MOCK_LATENCY_MS: 'slow' }, 'MOCK_LATENCY_MS'],
    ];
    for (const [env, name] of cases) {
      const result = parseMockEnv(env);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.message.startsWith(`${name}:`)).toBe(true);
    }
  });
});
