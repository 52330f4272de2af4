import { DEMO } from '../mock/seed';
import { WECOM_PHONE_UA, appUrl, expect, test } from './support/fixtures';

/** In English, departments carry the English names the company set in WeCom (name_en). */
test.use({ locale: 'en-US', extraHTTPHeaders: { 'accept-language': 'en-US,en;q=0.9' } });

test.describe('in English', () => {
  test.use({ userAgent: WECOM_PHONE_UA, viewport: { width: 390, height: 844 } });

  test("the profile names the member's department in English", async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.engineer });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile-departments')).toHaveText(/Backend Team/);
    await expect(page.getByTestId('profile-departments')).not.toContainText('后端组');
  });
});

test("the directory's tree and member rows use the English department names", async ({ page, mock }) => {
  await mock.setIdentity({ userid: DEMO.ceo });
  await page.goto(`${appUrl()}/`);
  await page.locator(`[data-userid="${DEMO.ceo}"]`).first().click();
  await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', DEMO.ceo);
  await page.goto(`${appUrl()}/admin`);
  const tree = page.getByTestId('department-tree');
  await expect(tree).toContainText('Technology Center');
  await expect(tree).not.toContainText('技术中心');
  await page.getByTestId('member-search').fill('何静');
  await expect(page.getByTestId('member-list')).toContainText('Backend Team');
});
