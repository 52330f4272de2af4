import { DEMO } from '../mock/seed';
import { WECOM_PHONE_UA, appUrl, expect, test } from './support/fixtures';

const shot = (name: string) => `test-results/screenshots/${name}.png`;

test.describe('the same top bar on every page, sign-out wherever a session exists', () => {
  test('403 and 404 pages of a signed-in member keep the top bar and its sign-out', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.engineer });
    await page.goto(`${appUrl()}/admin`);
    await expect(page.getByTestId('forbidden')).toBeVisible();
    await expect(page.getByTestId('sign-out')).toBeVisible();
    await page.screenshot({ path: shot('forbidden-desktop') });

    await page.goto(`${appUrl()}/no-such-page`);
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page.getByTestId('sign-out')).toBeVisible();
    // And it works from there.
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('signed-out')).toBeVisible();
    await expect(page.getByTestId('sign-out')).toHaveCount(0);
    await expect(page.locator('header.topbar')).toBeVisible();
  });

  test.describe('on a phone', () => {
    test.use({ userAgent: WECOM_PHONE_UA, viewport: { width: 390, height: 844 } });

    // The error panel under the top bar: profile.spec.ts, "WeCom failing while the profile loads".
    test('the non-member page offers the next step, with room at the edges', async ({ page, mock }) => {
      await mock.setIdentity({ nonMember: true });
      await page.goto(`${appUrl()}/`);
      await expect(page.getByTestId('login-non-member')).toBeVisible();
      await expect(page.getByTestId('auth-action')).toBeVisible();
      const card = await page.getByTestId('login-non-member').boundingBox();
      expect(card!.x).toBeGreaterThanOrEqual(12);
      expect(card!.x + card!.width).toBeLessThanOrEqual(390 - 12);
      await page.screenshot({ path: shot('non-member-phone') });
    });
  });
});
