import { DEMO } from '../mock/seed';
import { MOCK_APPS, MOCK_CORP_ID } from '../mock/credentials';
import { WECOM_PHONE_UA, appLog, appUrl, expect, recordNavigations, sessionCookie, test } from './support/fixtures';

test.describe('signing in inside the WeCom client', () => {
  test.use({ userAgent: WECOM_PHONE_UA, viewport: { width: 390, height: 844 } });

  test('a deep link signs in silently and lands on the requested page with the right person', async ({ page, context, request, mock }) => {
    await mock.setIdentity({ userid: DEMO.engineer });
    const navigations = recordNavigations(page);
    await page.goto(`${appUrl()}/?from=workbench`);

    await expect(page.getByTestId('profile-name')).toHaveText('何静');
    // The browser carries #wechat_redirect through redirects that have no fragment of their own.
    const landed = new URL(page.url());
    expect(landed.origin + landed.pathname + landed.search).toBe(`${appUrl()}/?from=workbench`);
    await expect(page.getByTestId('profile-departments')).toContainText('后端组');
    await expect(page.getByTestId('profile-departments')).not.toContainText('#');

    const authorize = navigations.find((u) => u.includes('/connect/oauth2/authorize'));
    expect(authorize, 'the in-app authorize URL was used').toBeTruthy();
    const url = new URL(authorize!);
    expect([...url.searchParams.keys()]).toEqual(['appid', 'redirect_uri', 'response_type', 'scope', 'state', 'agentid']);
    expect(url.searchParams.get('appid')).toBe(MOCK_CORP_ID);
    expect(url.searchParams.get('redirect_uri')).toBe(`${appUrl()}/api/wecom/callback`);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('scope')).toBe('snsapi_base');
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(url.searchParams.get('agentid')).toBe(String(MOCK_APPS[0].agentId));
    // Navigation records drop the fragment; the proxy's own Location header keeps it.
    const redirect = await request.get(`${appUrl()}/?from=workbench`, { maxRedirects: 0, headers: { 'user-agent': WECOM_PHONE_UA } });
    expect(redirect.status()).toBe(302);
    expect(redirect.headers().location).toMatch(/&agentid=\d+#wechat_redirect$/);

    const cookie = await sessionCookie(context);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie!.value.length).toBeLessThan(1024);
    // The code never reaches a page the app renders, nor its logs.
    const callback = navigations.find((u) => u.includes('/api/wecom/callback'))!;
    const code = new URL(callback).searchParams.get('code')!;
    expect(page.url()).not.toContain(code);
    expect(await page.content()).not.toContain(code);
    const log = appLog('base');
    expect(log).not.toContain(code);
    expect(log).not.toContain(MOCK_APPS[0].secret);
    expect(log).not.toMatch(/access_token=|user_ticket=|corpsecret=/);
    expect(log).toContain('"event":"login.succeeded"');
  });
});

test.describe('signing in from a desktop browser', () => {
  test('goes through the QR login page, in the visitor language', async ({ page, mock }) => {
    const navigations = recordNavigations(page);
    await page.goto(`${appUrl()}/`);
    await expect(page).toHaveURL(/\/wwlogin\/sso\/login\?/);
    const login = new URL(page.url());
    expect([...login.searchParams.keys()]).toEqual(['login_type', 'appid', 'agentid', 'redirect_uri', 'state', 'lang']);
    expect(login.searchParams.get('login_type')).toBe('CorpApp');
    expect(login.searchParams.get('lang')).toBe('zh');

    await page.locator(`[data-userid="${DEMO.withDot}"]`).first().click();
    await expect(page).toHaveURL(`${appUrl()}/`);
    await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', DEMO.withDot);
    expect(navigations.some((u) => u.includes('/connect/oauth2/authorize'))).toBe(false);
    void mock;
  });

  test.describe('in English', () => {
    test.use({ locale: 'en-US' });
    test('an English browser gets lang=en and an English page', async ({ page, mock }) => {
      await mock.setIdentity({ userid: DEMO.ceo });
      const navigations = recordNavigations(page);
      await page.goto(`${appUrl()}/`);
      await expect(page.getByTestId('sign-out')).toHaveText('Sign out');
      const login = navigations.find((u) => u.includes('/wwlogin/sso/login'))!;
      expect(new URL(login).searchParams.get('lang')).toBe('en');
    });
  });

  test('refusing on the login page explains and offers to try again; no session', async ({ page, context, mock }) => {
    await mock.setIdentity({ refuse: true });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('login-refused')).toBeVisible();
    expect(await sessionCookie(context)).toBeUndefined();

    await mock.setIdentity({ userid: DEMO.ceo });
    await page.getByTestId('auth-action').click();
    await expect(page.getByTestId('profile-name')).toHaveText('张伟');
  });

  test('a WeChat user who is not a member gets a clear page and no session', async ({ page, context, mock }) => {
    await mock.setIdentity({ nonMember: true });
    const response = await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('login-non-member')).toContainText('仅供企业成员使用');
    expect(response?.status()).toBe(403);
    expect(await sessionCookie(context)).toBeUndefined();
    // What to do next: sign in again with a company account, through WeCom's login page.
    await mock.setIdentity({});
    await page.getByTestId('auth-action').click();
    await expect(page).toHaveURL(/\/wwlogin\/sso\/login/);
  });

  test('a member outside the visible range is told so', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.ceo });
    await mock.fault({ path: '/cgi-bin/auth/getuserinfo', errcode: 60011 });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('login-not-visible')).toContainText('可见范围');
  });
});

test.describe('state and code checks', () => {
  test('replaying the callback URL in another browser gives a clear error and no session', async ({ page, browser, mock }) => {
    await mock.setIdentity({ userid: DEMO.ceo });
    const navigations = recordNavigations(page);
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile-name')).toHaveText('张伟');
    const callback = navigations.find((u) => u.includes('/api/wecom/callback'))!;

    const other = await browser.newContext();
    const replay = await other.newPage();
    const response = await replay.goto(callback);
    expect(response?.status()).toBe(400);
    await expect(replay.getByTestId('login-state-invalid')).toBeVisible();
    expect(await sessionCookie(other)).toBeUndefined();
    await other.close();
  });

  test('reusing a state in the same browser is refused and signs nobody in', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.ceo });
    const navigations = recordNavigations(page);
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile-name')).toBeVisible();
    const callback = navigations.find((u) => u.includes('/api/wecom/callback'))!;
    const before = (await mock.counters())['/cgi-bin/auth/getuserinfo'];

    await page.goto(callback);
    await expect(page.getByTestId('login-state-invalid')).toBeVisible();
    expect((await mock.counters())['/cgi-bin/auth/getuserinfo']).toBe(before);
  });

  test('a missing or forged state is refused before WeCom is asked', async ({ page, mock }) => {
    await page.goto(`${appUrl()}/api/wecom/callback?code=abc`);
    await expect(page.getByTestId('login-state-invalid')).toBeVisible();

    // A real pending sign-in exists, but the state in the URL is not its own.
    await page.goto(`${appUrl()}/`);
    await expect(page).toHaveURL(/\/wwlogin\/sso\/login/);
    const response = await page.goto(`${appUrl()}/api/wecom/callback?code=abc&state=Forged000000000000000000000000000`);
    expect(response?.status()).toBe(400);
    await expect(page.getByTestId('login-state-invalid')).toBeVisible();
    expect((await mock.counters())['/cgi-bin/auth/getuserinfo'] ?? 0).toBe(0);
  });

  test('an oversized code is refused with a page, not sent to WeCom', async ({ page, mock }) => {
    await page.goto(`${appUrl()}/`);
    const state = new URL(page.url()).searchParams.get('state');
    const response = await page.goto(`${appUrl()}/api/wecom/callback?code=${'x'.repeat(600)}&state=${state}`);
    expect(response?.status()).toBe(400);
    await expect(page.getByTestId('login-bad-request')).toBeVisible();
    expect((await mock.counters())['/cgi-bin/auth/getuserinfo'] ?? 0).toBe(0);
  });

  test('a used or expired code (40029) starts one fresh sign-in automatically', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.withDash });
    await mock.fault({ path: '/cgi-bin/auth/getuserinfo', errcode: 40029, times: 1 });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', DEMO.withDash);
    expect((await mock.counters())['/cgi-bin/auth/getuserinfo']).toBe(2);
  });

  test('when the fresh attempt fails too, a page explains it: no redirect loop', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.withDash });
    await mock.fault({ path: '/cgi-bin/auth/getuserinfo', errcode: 40029, times: 20 });
    const response = await page.goto(`${appUrl()}/`);
    expect(response?.status()).toBe(400);
    await expect(page.getByTestId('login-code-invalid')).toContainText('登录码已失效');
    await expect(page.getByTestId('login-code-invalid')).not.toContainText('40029');
    expect((await mock.counters())['/cgi-bin/auth/getuserinfo']).toBe(2);
  });

  for (const attempt of ['//evil.example/', '/%2F%2Fevil.example', '/%5Cevil.example', '/%5C%5Cevil.example', '/javascript:alert(1)']) {
    test(`the return path ${attempt} cannot leave the site`, async ({ page, mock }) => {
      await mock.setIdentity({ userid: DEMO.ceo });
      await page.goto(`${appUrl()}${attempt}`).catch(() => undefined);
      await page.waitForLoadState();
      expect(new URL(page.url()).host).toBe(new URL(appUrl()).host);
    });
  }
});

test.describe('configuration and availability errors', () => {
  for (const errcode of [60020, 50001, 48002, 50003]) {
    test(`errcode ${errcode} at sign-in: 503 "not set up yet" with nothing internal shown, and one log line with the errcode, the address WeCom saw and the fix`, async ({ page, mock }) => {
      await mock.setIdentity({ userid: DEMO.ceo });
      const linesBefore = appLog('base').length;
      await mock.fault({ path: '/cgi-bin/auth/getuserinfo', errcode });
      const response = await page.goto(`${appUrl()}/`);
      expect(response?.status()).toBe(503);
      const box = page.getByTestId('login-not-set-up');
      await expect(box).toContainText('还没有设置好');
      for (const internal of [String(errcode), 'WECOM_', '127.0.0.1', 'getuserinfo', 'errcode', '错误码']) await expect(box).not.toContainText(internal);
      const lines = appLog('base').slice(linesBefore).split('\n').filter((line) => line.includes('"event":"login.exchange_failed"'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toMatchObject({ level: 'warn', errcode, callerIp: '127.0.0.1', fix_zh: expect.stringContaining('应用管理'), fix_en: expect.any(String) });
    });
  }

  test('a wrong corp id (40013 from gettoken) is "not set up" for the visitor, and the log names the variable to fix', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.ceo });
    await mock.revokeTokens();
    const linesBefore = appLog('base').length;
    await mock.fault({ path: '/cgi-bin/gettoken', errcode: 40013 });
    const response = await page.goto(`${appUrl()}/`);
    expect(response?.status()).toBe(503);
    await expect(page.getByTestId('login-not-set-up')).not.toContainText('WECOM_CORP_ID');
    expect(appLog('base').slice(linesBefore)).toMatch(/"event":"login\.exchange_failed".*"errcode":40013.*"fix_en":"WECOM_CORP_ID is not the CorpID/);
    // The app answers from its memory of this failure for a second (then probes WeCom again):
    // the next spec on this instance starts after it.
    await mock.clearFaults();
    await page.waitForTimeout(1100);
  });

  test('WeCom busy after retries: 503 with a retry button that works', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.ceo });
    await mock.fault({ path: '/cgi-bin/auth/getuserinfo', errcode: -1, times: 4 });
    const response = await page.goto(`${appUrl()}/`);
    expect(response?.status()).toBe(503);
    await expect(page.getByTestId('login-unavailable')).toBeVisible();
    await page.getByTestId('auth-action').click();
    await expect(page.getByTestId('profile-name')).toHaveText('张伟');
  });

  test('WeCom unreachable (HTTP 500): 502 page, no stack trace', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.ceo });
    await mock.fault({ path: '/cgi-bin/auth/getuserinfo', status: 500 });
    const response = await page.goto(`${appUrl()}/`);
    expect(response?.status()).toBe(502);
    const html = await page.content();
    expect(html).not.toMatch(/at .*\.(js|ts):\d+/);
    await expect(page.getByTestId('login-unavailable')).toBeVisible();
  });
});

test.describe('sessions', () => {
  test('an API request without a session gets 401 JSON, health needs none', async ({ request }) => {
    const api = await request.get(`${appUrl()}/api/anything`, { maxRedirects: 0 });
    expect(api.status()).toBe(401);
    expect(await api.json()).toMatchObject({ error: 'unauthenticated' });
    const health = await request.get(`${appUrl()}/api/health`, { maxRedirects: 0 });
    expect(health.status()).toBe(200);
  });

  test('an expired session signs in again', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.ceo });
    await page.goto(`${appUrl('shortSession')}/`);
    await expect(page.getByTestId('profile-name')).toHaveText('张伟');
    await page.waitForTimeout(4000);

    await mock.setIdentity({});
    await page.reload();
    await expect(page).toHaveURL(/\/wwlogin\/sso\/login/);
    await page.locator(`[data-userid="${DEMO.ceo}"]`).first().click();
    await expect(page.getByTestId('profile-name')).toHaveText('张伟');
  });

  test('sign-out shows a page that does not sign back in, with a button that does', async ({ page, context, mock }) => {
    await mock.setIdentity({ userid: DEMO.ceo });
    await page.goto(`${appUrl()}/`);
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('signed-out')).toBeVisible();
    expect(await sessionCookie(context)).toBeUndefined();
    const logins = (await mock.counters())['/cgi-bin/auth/getuserinfo'];
    await page.reload();
    await expect(page.getByTestId('signed-out')).toBeVisible();
    expect((await mock.counters())['/cgi-bin/auth/getuserinfo']).toBe(logins);

    await page.getByTestId('sign-in-again').click();
    await expect(page.getByTestId('profile-name')).toHaveText('张伟');
  });

  test('sign-out refuses GET and cross-site POSTs', async ({ page, request, mock }) => {
    await mock.setIdentity({ userid: DEMO.ceo });
    await page.goto(`${appUrl()}/`);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'wecom_portal_session')!;
    const get = await request.get(`${appUrl()}/auth/sign-out`, { maxRedirects: 0, headers: { cookie: `${cookie.name}=${cookie.value}` } });
    expect(get.status()).toBe(405);
    const cross = await request.post(`${appUrl()}/auth/sign-out`, {
      maxRedirects: 0,
      headers: { origin: 'https://evil.example', cookie: `${cookie.name}=${cookie.value}` },
    });
    expect(cross.status()).toBe(403);
    await page.reload();
    await expect(page.getByTestId('profile-name')).toHaveText('张伟');
  });
});
