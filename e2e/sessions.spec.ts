import { DEMO } from '../mock/seed';
import { appUrl, expect, recordNavigations, sessionCookie, test } from './support/fixtures';
import { bearerToken, callMe, signedInBrowser } from './support/sign-in';

test.describe('sessions that can end', () => {
  test('a cookie copied before sign-out gets 401 on the API and a fresh sign-in on pages', async ({ browser, request, mock }) => {
    const member = await signedInBrowser(browser, mock, DEMO.withDash);
    expect((await callMe(request, 'base', { cookie: member.cookie })).status()).toBe(200);

    await member.page.getByTestId('sign-out').click();
    await expect(member.page.getByTestId('signed-out')).toBeVisible();

    const copied = await callMe(request, 'base', { cookie: member.cookie });
    expect(copied.status()).toBe(401);
    expect(await copied.json()).toMatchObject({ error: 'session_revoked' });

    // The copy in another browser: the page does not open on it; sign-in starts over
    // (through WeCom: one more code exchange) and the stale cookie is replaced.
    const thief = await browser.newContext();
    await thief.addCookies([{ name: 'wecom_portal_session', value: member.cookie, url: appUrl() }]);
    const page = await thief.newPage();
    const navigations = recordNavigations(page);
    await mock.resetCounters();
    await mock.setIdentity({ userid: DEMO.ceo });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', DEMO.ceo);
    expect(navigations.some((url) => url.includes('/auth/sign-in'))).toBe(true);
    expect((await mock.counters())['/cgi-bin/auth/getuserinfo']).toBe(1);
    expect((await sessionCookie(thief))?.value).not.toBe(member.cookie);
    await Promise.all([thief.close(), member.context.close()]);
  });

  test('"sign out on all devices" ends the member\'s other browsers and mini-program tokens, not other members\'', async ({ browser, request, mock }) => {
    const phone = await signedInBrowser(browser, mock, DEMO.engineer);
    const laptop = await signedInBrowser(browser, mock, DEMO.engineer);
    const colleague = await signedInBrowser(browser, mock, DEMO.withDot);
    const token = await bearerToken(request, mock, DEMO.engineer);
    expect((await callMe(request, 'base', { bearer: token })).status()).toBe(200);

    // The button asks first: opening it ends nothing yet.
    await phone.page.getByTestId('sign-out-everywhere').click();
    await expect(phone.page.getByTestId('sign-out-everywhere-confirm')).toBeVisible();
    expect((await callMe(request, 'base', { cookie: laptop.cookie })).status()).toBe(200);
    await phone.page.getByTestId('sign-out-everywhere-confirm').click();
    // Its own page: not the one a plain sign-out ends on.
    await expect(phone.page.getByTestId('signed-out')).toContainText('你已在所有设备上退出');

    expect((await callMe(request, 'base', { cookie: laptop.cookie })).status()).toBe(401);
    const bearer = await callMe(request, 'base', { bearer: token });
    expect(bearer.status()).toBe(401);
    expect(await bearer.json()).toMatchObject({ error: 'session_revoked' });
    expect((await callMe(request, 'base', { cookie: colleague.cookie })).status()).toBe(200);

    // A session that starts afterwards is not caught by the old "not before".
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await signedInBrowser(browser, mock, DEMO.engineer);
    expect((await callMe(request, 'base', { cookie: again.cookie })).status()).toBe(200);
    await Promise.all([phone, laptop, colleague, again].map((b) => b.context.close()));
  });

  test('a link to /auth/sign-in on another site does not sign the member out; the same route reached from the app does', async ({ browser, mock }) => {
    // A desktop browser: WeCom's QR login page, where a sign-in that starts waits for a scan.
    const context = await browser.newContext();
    const page = await context.newPage();
    await mock.setIdentity({});
    await page.goto(`${appUrl()}/`);
    await expect(page).toHaveURL(/\/wwlogin\/sso\/login/);
    await page.locator(`[data-userid="${DEMO.withUnderscore}"]`).first().click();
    await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', DEMO.withUnderscore);
    const signedIn = (await sessionCookie(context))!.value;

    // Another site (served by the browser itself) whose link leads to the app's sign-in route.
    await context.route('http://elsewhere.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>elsewhere</title><a id="lure" href="${appUrl()}/auth/sign-in">cute cats</a>` }),
    );
    await page.goto('http://elsewhere.example/');
    await page.locator('#lure').click();
    // A sign-in may start, but the session is still there: the profile opens without one.
    await expect(page).toHaveURL(/\/wwlogin\/sso\/login/);
    expect((await sessionCookie(context))?.value).toBe(signedIn);
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', DEMO.withUnderscore);

    // From the app's own page (where a page sends an ended session) the cookie is cleared.
    await page.evaluate((target) => {
      window.location.href = target;
    }, `${appUrl()}/auth/sign-in`);
    await expect(page).toHaveURL(/\/wwlogin\/sso\/login/);
    expect(await sessionCookie(context)).toBeUndefined();
    await context.close();
  });

  test('a mini-program token is not a session cookie, and a session cookie is not a bearer token', async ({ browser, request, mock }) => {
    const token = await bearerToken(request, mock, DEMO.engineer);
    const asCookie = await callMe(request, 'base', { cookie: token });
    expect(asCookie.status()).toBe(401);
    expect((await request.get(`${appUrl()}/api/wecom/jssdk-config?url=${encodeURIComponent(`${appUrl()}/`)}`, {
      headers: { cookie: `wecom_portal_session=${token}` },
      maxRedirects: 0,
    })).status()).toBe(401);

    const context = await browser.newContext();
    await context.addCookies([{ name: 'wecom_portal_session', value: token, url: appUrl() }]);
    const page = await context.newPage();
    await mock.setIdentity({});
    await page.goto(`${appUrl()}/`);
    // Not signed in: the browser is sent to WeCom's login page.
    await expect(page).toHaveURL(/\/wwlogin\/sso\/login/);

    const browserSession = await signedInBrowser(browser, mock, DEMO.withDot);
    const asBearer = await callMe(request, 'base', { bearer: browserSession.cookie });
    expect(asBearer.status()).toBe(401);
    expect(asBearer.headers()['www-authenticate']).toBe('Bearer');
    await Promise.all([context.close(), browserSession.context.close()]);
  });

  test('an old pending-login cookie replayed with a fresh code makes no session and asks WeCom nothing', async ({ browser, page, context, mock }) => {
    // Someone starts a sign-in and keeps a copy of its pending-login cookie and state.
    const navigations = recordNavigations(page);
    await mock.setIdentity({});
    await page.goto(`${appUrl()}/`);
    await expect(page).toHaveURL(/\/wwlogin\/sso\/login/);
    const pending = (await context.cookies()).find((c) => c.name === 'wecom_portal_login')!;
    const state = new URL(navigations.find((url) => url.includes('/wwlogin/sso/login'))!).searchParams.get('state')!;
    // The sign-in completes, which spends the state.
    await page.locator(`[data-userid="${DEMO.ceo}"]`).first().click();
    await expect(page.getByTestId('profile-name')).toHaveText('张伟');

    const replay = await browser.newContext();
    await replay.addCookies([{ name: pending.name, value: pending.value, url: appUrl() }]);
    const code = await mock.issueCode({ userid: DEMO.itLead });
    await mock.resetCounters();
    const replayPage = await replay.newPage();
    const response = await replayPage.goto(`${appUrl()}/api/wecom/callback?code=${code}&state=${state}`);
    expect(response?.status()).toBe(400);
    await expect(replayPage.getByTestId('login-state-invalid')).toBeVisible();
    expect(await sessionCookie(replay)).toBeUndefined();
    expect((await mock.counters())['/cgi-bin/auth/getuserinfo'] ?? 0).toBe(0);
    await replay.close();
  });

  test('a session ends exactly at its lifetime, for the cookie as for the bearer token', async ({ browser, request, mock }) => {
    // SESSION_TTL_SECONDS=3 on this instance.
    const member = await signedInBrowser(browser, mock, DEMO.ceo, 'shortSession');
    const token = await bearerToken(request, mock, DEMO.ceo, 'shortSession');
    expect((await callMe(request, 'shortSession', { cookie: member.cookie })).status()).toBe(200);
    expect((await callMe(request, 'shortSession', { bearer: token })).status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3300));
    // The server refuses both, whatever the client still sends.
    expect((await callMe(request, 'shortSession', { cookie: member.cookie })).status()).toBe(401);
    expect((await callMe(request, 'shortSession', { bearer: token })).status()).toBe(401);
    await member.context.close();
  });
});
