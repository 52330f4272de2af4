import { DEMO } from '../mock/seed';
import { CALLBACK_AES_KEY, CALLBACK_TOKEN } from './support/callback-keys';
import { WECOM_PHONE_UA, appLog, appUrl, expect, sessionCookie, test } from './support/fixtures';

test.use({ userAgent: WECOM_PHONE_UA, viewport: { width: 390, height: 844 } });

test('the profile shows names, not ids, and every kind of extra attribute', async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.engineer });
  await page.goto(`${appUrl()}/`);
  const profile = page.getByTestId('profile');
  await expect(page.getByTestId('profile-name')).toHaveText('何静');
  // Active is what everyone signed in is: no badge for it.
  await expect(page.getByTestId('profile-status')).toHaveCount(0);
  // Each department says where it sits in the company.
  await expect(page.getByTestId('profile-departments')).toContainText('技术中心 / 平台研发部 / 后端组');
  await expect(page.getByTestId('profile-main-department')).not.toHaveText(/^#/);
  await expect(page.getByTestId('profile-leaders')).not.toHaveText('无');
  const extattr = page.getByTestId('profile-extattr');
  await expect(extattr.locator('a[href^="http"]')).not.toHaveCount(0);
  await expect(extattr).toContainText('小程序');
  await expect(page.getByTestId('profile-external')).toBeVisible();
  await expect(profile).not.toContainText('undefined');
  await page.screenshot({ path: 'test-results/screenshots/profile-phone.png', fullPage: true });
});

test('post-2022 with snsapi_base: what WeCom withholds is named once, with what the employee can do, in upright text', async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.engineer });
  await page.goto(`${appUrl()}/`);
  const withheld = page.getByTestId('withheld-fields');
  for (const label of ['手机', '邮箱', '企业邮箱', '性别', '地址', '个人二维码']) await expect(withheld).toContainText(label);
  // No row per missing field, and no operator setting in front of an employee.
  await expect(page.getByTestId('field-mobile')).toHaveCount(0);
  await expect(page.getByTestId('profile')).not.toContainText('未共享');
  await expect(page.getByTestId('withheld-hint')).toContainText('管理员');
  await expect(page.getByTestId('withheld-hint')).not.toContainText('WECOM_SCOPE');
  expect(await withheld.evaluate((el) => getComputedStyle(el).fontStyle)).toBe('normal');
  // Position and alias are in the header once, not repeated as rows.
  expect((await page.getByTestId('profile').innerText()).split('Jean He')).toHaveLength(2);
});

test('an admin looking at a member is pointed to the setup checks, which name the setting behind the withheld fields', async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.ceo });
  await page.goto(`${appUrl()}/admin/members/${DEMO.engineer}`);
  const hint = page.getByTestId('withheld-hint');
  await expect(hint).not.toContainText('WECOM_SCOPE');
  await hint.getByRole('link').click();
  await expect(page).toHaveURL(`${appUrl()}/admin/setup`);
  await expect(page.getByTestId('setup-check-config')).toContainText('snsapi_privateinfo');
});

test('with snsapi_privateinfo the consented mobile and email are shown', async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.engineer });
  await page.goto(`${appUrl('privateinfo')}/`);
  await expect(page.getByTestId('field-mobile')).toHaveText(/^1\d{10}$/);
  // Consented contact details are links a phone can act on.
  await expect(page.getByTestId('field-mobile').locator('a')).toHaveAttribute('href', /^tel:1\d{10}$/);
  await expect(page.getByTestId('field-email')).toContainText('@');
  await expect(page.getByTestId('field-email').locator('a')).toHaveAttribute('href', /^mailto:.+@/);
  await expect(page.getByTestId('field-gender')).not.toHaveText('未共享');
  expect((await mock.counters())['/cgi-bin/auth/getuserdetail']).toBe(1);
  await expect(page.locator('img.avatar')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/profile-phone-consented.png', fullPage: true });
  // The consented fields stay on the server: not in any cookie.
  const cookies = await page.context().cookies();
  const mobile = (await page.getByTestId('field-mobile').textContent())!;
  expect(cookies.some((c) => decodeURIComponent(c.value).includes(mobile))).toBe(false);
});

test('a token revoked on WeCom mid-session does not break the page', async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.ceo });
  await page.goto(`${appUrl('privateinfo')}/`);
  await expect(page.getByTestId('profile-name')).toHaveText('张伟');
  await mock.revokeTokens();
  await mock.resetCounters();
  await page.reload();
  await expect(page.getByTestId('profile-name')).toHaveText('张伟');
  expect((await mock.counters())['/cgi-bin/gettoken']).toBe(1);
});

test('two sign-ins in a row cost one gettoken', async ({ browser, mock }) => {
  await mock.revokeTokens();
  await mock.resetCounters();
  for (const userid of [DEMO.withUnderscore, DEMO.withAt]) {
    const context = await browser.newContext({ userAgent: WECOM_PHONE_UA });
    const page = await context.newPage();
    await mock.setIdentity({ userid });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', userid);
    await context.close();
  }
  const counters = await mock.counters();
  expect(counters['/cgi-bin/gettoken']).toBe(1);
  // The first exchange met the revoked token (rejected, replaced, retried), the second reused the new one.
  expect(counters['/cgi-bin/auth/getuserinfo']).toBe(3);
});

test('a repeated view within the cache lifetime costs WeCom nothing', async ({ page, mock }) => {
  // The entries the first view reads must be fresh, or one filled by an earlier spec could
  // expire between the two views (the flaky run issue 11 saw). On the `events` instance
  // (10-minute cache) WeCom's events drop the member's profile and the department list first.
  await mock.configureCallback({ url: `${appUrl('events')}/api/wecom/events`, token: CALLBACK_TOKEN, aesKey: CALLBACK_AES_KEY });
  await mock.pushEvent({ fields: { Event: 'change_contact', ChangeType: 'update_user', UserID: DEMO.withDot } });
  await mock.pushEvent({ fields: { Event: 'change_contact', ChangeType: 'update_party', Id: 1 } });
  await mock.setIdentity({ userid: DEMO.withDot });
  await page.goto(`${appUrl('events')}/`);
  await expect(page.getByTestId('profile-name')).toBeVisible();
  await mock.resetCounters();
  await page.reload();
  await expect(page.getByTestId('profile-name')).toBeVisible();
  expect(await mock.counters()).toEqual({});
});

test('a repeat view sends the member in its first HTML: no loading skeleton to swap out', async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.engineer });
  await page.goto(`${appUrl()}/`);
  await expect(page.getByTestId('profile-name')).toBeVisible();
  const html = await (await page.request.get(`${appUrl()}/`)).text();
  // The name in the page itself, not in a hidden boundary React reveals after a skeleton.
  expect(html).toMatch(/<span data-testid="profile-name">何静<\/span>/);
  expect(html).not.toContain('aria-busy');
  expect(html).not.toMatch(/<template id="B:/);
});

test('a linked-corp member signs in and sees their profile', async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.linkedCorp });
  await page.goto(`${appUrl()}/`);
  await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', DEMO.linkedCorp);
  await expect(page.getByTestId('profile')).toContainText('互联企业成员');
  // No local department: nothing internal such as "#0", and no empty department row.
  await expect(page.getByTestId('profile')).not.toContainText('#0');
  await expect(page.getByTestId('profile-departments')).toHaveCount(0);
});

test('a member WeCom has disabled cannot sign in: a 403 page names the company, with no retry loop', async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.disabled });
  const pages: number[] = [];
  page.on('response', (response) => {
    if (response.request().isNavigationRequest()) pages.push(response.status());
  });
  await page.goto(`${appUrl()}/`);
  await expect(page.getByTestId('member-inactive')).toContainText('星河智能科技有限公司');
  expect(pages.at(-1)).toBe(403);
  expect(pages.length).toBeLessThan(6);
  expect(await sessionCookie(page.context())).toBeUndefined();
  await page.screenshot({ path: 'test-results/screenshots/member-inactive-phone.png', fullPage: true });
});

test('WeCom failing while the profile loads answers 502 (bad gateway) with a retry that works, under the top bar, and logs one line', async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.withUnderscore });
  await page.goto(`${appUrl('privateinfo')}/`);
  await expect(page.getByTestId('profile-name')).toBeVisible();
  const linesBefore = appLog('privateinfo').split('\n').length;
  await mock.fault({ path: '/cgi-bin/user/get', status: 500, times: 100 });
  const failed = await page.reload();
  // Monitors and load balancers see the outage, not a healthy 200.
  expect(failed?.status()).toBe(502);
  await expect(page.getByTestId('page-wecom-unavailable')).toContainText('企业微信');
  // An employee reads that WeCom is not answering, not its errcodes or HTTP statuses.
  await expect(page.getByTestId('page-wecom-unavailable')).not.toContainText(/错误码|errcode|HTTP|500/);
  // The session still stands: sign-out stays at hand.
  await expect(page.getByTestId('sign-out')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/error-phone.png' });
  // An expected answer from WeCom: one warning line for the page, no unhandled error, no stack.
  const newLines = appLog('privateinfo').split('\n').slice(linesBefore - 1).join('\n');
  expect(newLines.match(/"event":"page\.wecom_failed"/g)).toHaveLength(1);
  expect(newLines).not.toMatch(/\n\s+at .+:\d+:\d+/);
  await mock.clearFaults();
  const retried = page.waitForResponse((r) => r.request().isNavigationRequest());
  await page.getByTestId('notice-retry').click();
  expect((await retried).status()).toBe(200);
  await expect(page.getByTestId('profile-name')).toBeVisible();
});

test('signing in and viewing the profile asks for nothing missing: no 404 for a favicon, in the app or on the mock', async ({ page, mock }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await mock.setIdentity({});
  await page.goto(`${appUrl()}/`);
  // The mock's login page names its own icon, so the browser asks the mock for no /favicon.ico.
  expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
  await page.locator(`[data-userid="${DEMO.engineer}"]`).first().click();
  await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', DEMO.engineer);
  await page.goto(`${appUrl()}/auth/notice?reason=refused`);
  await expect(page.getByTestId('login-refused')).toBeVisible();
  expect(missing).toEqual([]);
  expect(await page.locator('link[rel="icon"]').first().getAttribute('href')).toContain('/icon.svg');
});
