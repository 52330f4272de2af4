import type { APIRequestContext, APIResponse } from '@playwright/test';
import { DEMO } from '../mock/seed';
import { appLog, appUrl, expect, test } from './support/fixtures';

const LOGIN = '/api/wecom/miniprogram/login';

/** What a mini-program does with the code from wx.qy.login. */
async function signIn(request: APIRequestContext, code: string) {
  return request.post(`${appUrl()}${LOGIN}`, { data: { code } });
}

const me = (request: APIRequestContext, token?: string) =>
  request.get(`${appUrl()}/api/me`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` }, maxRedirects: 0 });

test.describe('mini-program sign-in', () => {
  test('a code becomes a bearer token that /api/me accepts, for that member', async ({ request, mock }) => {
    const code = await mock.miniProgramCode(DEMO.engineer);
    const before = Date.now();
    const login = await signIn(request, code);
    expect(login.status()).toBe(200);
    expect(login.headers()['cache-control']).toContain('no-store');
    const body = await login.json();
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'token', 'userid']);
    expect(body.userid).toBe(DEMO.engineer);
    // SESSION_TTL_SECONDS defaults to 8 hours.
    expect(body.expiresAt).toBeGreaterThanOrEqual(before + 8 * 3600 * 1000);
    expect(body.expiresAt).toBeLessThanOrEqual(Date.now() + 8 * 3600 * 1000);
    expect(JSON.stringify(body)).not.toMatch(/session_?key/i);

    const profile = await me(request, body.token);
    expect(profile.status()).toBe(200);
    expect(profile.headers()['cache-control']).toContain('no-store');
    const json = await profile.json();
    expect(json).toMatchObject({ userid: DEMO.engineer, name: '何静', session: { via: 'miniprogram' } });
    expect(json.departments.length).toBeGreaterThan(0);
    expect(json.private.mobile).toEqual({ shared: false });
    expect((await mock.counters())['/cgi-bin/miniprogram/jscode2session']).toBe(1);

    // Neither the code nor the token reaches the app's log.
    const log = appLog('base');
    expect(log).toContain('"event":"miniprogram.login_succeeded"');
    expect(log).not.toContain(code);
    expect(log).not.toContain(body.token);
  });

  test('a code works once: the second use is 400 code_invalid', async ({ request, mock }) => {
    const code = await mock.miniProgramCode(DEMO.ceo);
    expect((await signIn(request, code)).status()).toBe(200);
    const reused = await signIn(request, code);
    expect(reused.status()).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'code_invalid', errcode: 40029 });
    expect((await mock.counters())['/cgi-bin/miniprogram/jscode2session']).toBe(2);
  });

  test('an expired code is 400 code_invalid', async ({ request, mock }) => {
    const code = await mock.miniProgramCode(DEMO.ceo);
    await mock.advanceClock(301);
    const expired = await signIn(request, code);
    expect(expired.status()).toBe(400);
    expect((await expired.json()).error).toBe('code_invalid');
  });

  test('bad input is a 400 JSON error with a kind, and never reaches WeCom', async ({ request, mock }) => {
    const url = `${appUrl()}${LOGIN}`;
    const cases: [string, Promise<APIResponse>, number, string][] = [
      ['not JSON', request.post(url, { data: 'code=abc', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 400, 'invalid_json'],
      ['no body', request.post(url), 400, 'invalid_json'],
      ['no code', request.post(url, { data: { js_code: 'abc' } }), 400, 'code_missing'],
      ['empty code', request.post(url, { data: { code: '' } }), 400, 'code_missing'],
      ['code not a string', request.post(url, { data: { code: 12345 } }), 400, 'code_malformed'],
      ['oversized code', request.post(url, { data: { code: 'a'.repeat(513) } }), 400, 'code_malformed'],
      ['oversized body', request.post(url, { data: { code: 'abc', padding: 'x'.repeat(5000) } }), 413, 'body_too_large'],
    ];
    for (const [name, pending, status, kind] of cases) {
      const response = await pending;
      expect(response.status(), name).toBe(status);
      expect(response.headers()['content-type'], name).toContain('application/json');
      const body = (await response.json()) as { error: string; message: unknown };
      expect(body.error, name).toBe(kind);
      expect(typeof body.message, name).toBe('string');
    }
    expect((await mock.counters())['/cgi-bin/miniprogram/jscode2session'] ?? 0).toBe(0);
  });

  test('WeCom failures map to 503 (not set up, errcode and fix named), 503 (busy) and 502 (unreachable)', async ({ request, mock }) => {
    await mock.fault({ path: '/cgi-bin/miniprogram/jscode2session', errcode: 60020 });
    const config = await signIn(request, await mock.miniProgramCode(DEMO.ceo));
    expect(config.status()).toBe(503);
    expect(await config.json()).toMatchObject({ error: 'config', errcode: 60020, hint: expect.stringContaining('Trusted IPs'), hintZh: expect.stringContaining('企业可信IP') });

    await mock.fault({ path: '/cgi-bin/miniprogram/jscode2session', errcode: -1, times: 4 });
    const busy = await signIn(request, await mock.miniProgramCode(DEMO.ceo));
    expect(busy.status()).toBe(503);
    expect((await busy.json()).error).toBe('busy');

    await mock.fault({ path: '/cgi-bin/miniprogram/jscode2session', status: 500 });
    const down = await signIn(request, await mock.miniProgramCode(DEMO.ceo));
    expect(down.status()).toBe(502);
    const text = await down.text();
    expect(JSON.parse(text).error).toBe('unavailable');
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});

test.describe('/api/me', () => {
  test('without a session or token: 401 JSON', async ({ request }) => {
    const response = await me(request);
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unauthenticated' });
  });

  test('a tampered, foreign or malformed bearer token: 401 JSON', async ({ request, mock }) => {
    const { token } = await (await signIn(request, await mock.miniProgramCode(DEMO.engineer))).json();
    const middle = Math.floor(token.length / 2);
    const tampered = token.slice(0, middle) + (token[middle] === 'A' ? 'B' : 'A') + token.slice(middle + 1);
    for (const bad of [tampered, token.slice(0, -8), 'not-a-token', '']) {
      const response = await me(request, bad);
      expect(response.status(), bad.slice(0, 20)).toBe(401);
      expect((await response.json()).error).toBe('unauthenticated');
    }
    expect((await me(request, token)).status()).toBe(200);
  });

  test('a member outside the visible range, disabled or gone gets 403 member_inactive and no token', async ({ request, mock }) => {
    for (const [userid, reason] of [
      [DEMO.outsideRange, 'not_visible'],
      [DEMO.disabled, 'disabled'],
      [DEMO.left, 'left'],
    ]) {
      const response = await signIn(request, await mock.miniProgramCode(userid));
      expect(response.status(), userid).toBe(403);
      const body = await response.json();
      expect(body).toMatchObject({ error: 'member_inactive', reason });
      expect(body.token).toBeUndefined();
    }
  });

  test('answers the cookie session of a browser sign-in too', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.ceo });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile-name')).toHaveText('张伟');

    const response = await page.request.get(`${appUrl()}/api/me`);
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ userid: DEMO.ceo, name: '张伟', session: { via: 'browser' } });

    // A bearer token presented next to the cookie decides on its own.
    const withBadToken = await page.request.get(`${appUrl()}/api/me`, { headers: { authorization: 'Bearer tampered' } });
    expect(withBadToken.status()).toBe(401);
  });
});
