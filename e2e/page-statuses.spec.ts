import { DEMO } from '../mock/seed';
import { WECOM_PHONE_UA, appLog, appUrl, expect, test } from './support/fixtures';

/**
 * A page that cannot show what it is for answers the status that says why, so monitors and
 * load balancers see it, and the reader is told what they can do. The `offboarding`
 * instance caches WeCom's answers for 2 s, so a fault set now is met within seconds.
 */
test.use({ userAgent: WECOM_PHONE_UA, viewport: { width: 390, height: 844 } });

const app = () => appUrl('offboarding');

test('an admin whose rights WeCom cannot confirm is told WeCom is unavailable (503), not that they are no admin, and sees no data', async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.itLead }); // an admin by the WeCom tag only
  await page.goto(`${app()}/admin`);
  await expect(page.getByTestId('member-list')).toBeVisible();

  await mock.fault({ path: '/cgi-bin/tag/get', errcode: -1, times: 1000 });
  await expect.poll(async () => (await page.reload())?.status(), { timeout: 10_000, intervals: [500] }).toBe(503);
  await expect(page.getByTestId('page-wecom-unavailable')).toContainText('企业微信');
  await expect(page.getByTestId('forbidden')).toHaveCount(0);
  await expect(page.getByTestId('member-list')).toHaveCount(0);
  const api = await page.request.get(`${app()}/api/admin/members`);
  expect(api.status()).toBe(503);
  expect(await api.json()).toMatchObject({ error: 'busy', errcode: -1 });

  await mock.clearFaults();
  await page.getByTestId('notice-retry').click();
  await expect(page.getByTestId('member-list')).toBeVisible();
});

test('a member who is no admin still gets the 403 page while WeCom answers', async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.engineer });
  const response = await page.goto(`${app()}/admin`);
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toBeVisible();
});

test('a setup error WeCom answers tells employees the app is not set up (503, nothing internal) and admins the fix and the way to the setup checks', async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.engineer });
  await page.goto(`${app()}/`);
  await expect(page.getByTestId('profile-name')).toBeVisible();
  const linesBefore = appLog('offboarding').length;
  await mock.fault({ path: '/cgi-bin/user/get', errcode: 48002, times: 1000 });

  await expect.poll(async () => (await page.reload())?.status(), { timeout: 10_000, intervals: [500] }).toBe(503);
  const employeeSees = page.getByTestId('page-wecom-config');
  await expect(employeeSees).toContainText('还没有设置好');
  for (const internal of ['48002', 'WECOM_', '应用管理', '可信', 'user/get']) await expect(employeeSees).not.toContainText(internal);
  await expect(page.getByTestId('notice-open-setup')).toHaveCount(0);
  expect(appLog('offboarding').slice(linesBefore)).toMatch(/"event":"page\.wecom_failed".*"errcode":48002.*"fix_zh"/);

  // The admin looking at a member meets the same refusal, reads what to fix, and is pointed to the setup checks.
  await mock.setIdentity({ userid: DEMO.ceo });
  await page.context().clearCookies();
  const adminView = await page.goto(`${app()}/admin/members/${DEMO.engineer}`);
  expect(adminView?.status()).toBe(503);
  await expect(page.getByTestId('page-wecom-config')).toContainText('WECOM_SECRET');
  await expect(page.getByTestId('notice-open-setup')).toHaveAttribute('href', '/admin/setup');
  await page.screenshot({ path: 'test-results/screenshots/config-notice-admin-phone.png' });
});
