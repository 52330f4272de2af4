import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO } from '../mock/seed';
import { WECOM_PHONE_UA, appUrl, expect, test } from './support/fixtures';

/** Serious and critical findings of axe-core (WCAG 2 A/AA rules): each one named with where it is. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`.trim()));
}

const darkUa = WECOM_PHONE_UA.replace('ColorScheme/Light', 'ColorScheme/Dark');

test.describe('dark mode', () => {
  test.describe('from the WeCom client\'s ColorScheme/Dark token, on a phone', () => {
    test.use({ userAgent: darkUa, viewport: { width: 390, height: 844 } });

    test('the profile turns dark and keeps its contrast', async ({ page, mock }) => {
      await mock.setIdentity({ userid: DEMO.engineer });
      await page.goto(`${appUrl()}/`);
      await expect(page.getByTestId('profile-name')).toBeVisible();
      expect(await backgroundIsDark(page)).toBe(true);
      expect(await seriousFindings(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/screenshots/profile-phone-dark.png', fullPage: true });
    });
  });

  test.describe('from prefers-color-scheme, on a desktop', () => {
    test.use({ colorScheme: 'dark' });

    test('the directory and the sign-in failure pages turn dark and keep their contrast', async ({ page, mock }) => {
      await mock.setIdentity({ userid: DEMO.ceo });
      await page.goto(`${appUrl()}/admin`);
      await expect(page.getByTestId('member-list')).toBeVisible();
      expect(await backgroundIsDark(page)).toBe(true);
      expect(await seriousFindings(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/screenshots/admin-desktop-dark.png' });

      await page.context().clearCookies();
      await mock.setIdentity({ nonMember: true });
      await page.goto(`${appUrl()}/`);
      await expect(page.getByTestId('login-non-member')).toBeVisible();
      expect(await backgroundIsDark(page)).toBe(true);
      expect(await seriousFindings(page)).toEqual([]);
    });
  });
});

/** Whether the page's background is dark: its luminance, from the computed colour. */
async function backgroundIsDark(page: Page): Promise<boolean> {
  const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (rgb.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 64;
}

for (const locale of ['zh-CN', 'en-US']) {
  test.describe(`no serious accessibility finding (${locale})`, () => {
    test.use({ locale });

    test.describe('employee pages on a phone', () => {
      test.use({ userAgent: WECOM_PHONE_UA, viewport: { width: 390, height: 844 } });

      test('profile, signed-out, non-member and inactive pages', async ({ page, mock }) => {
        await mock.setIdentity({ userid: DEMO.engineer });
        await page.goto(`${appUrl()}/`);
        await expect(page.getByTestId('profile-name')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);

        await page.getByTestId('sign-out').click();
        await expect(page.getByTestId('signed-out')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);

        await mock.setIdentity({ nonMember: true });
        await page.goto(`${appUrl()}/`);
        await expect(page.getByTestId('login-non-member')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);

        await mock.setIdentity({ userid: DEMO.disabled });
        await page.goto(`${appUrl()}/auth/sign-in`);
        await expect(page.getByTestId('member-inactive')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);
      });
      test('the sign-in failure pages and the notice of a WeCom outage', async ({ page, mock }) => {
        // A callback whose state this browser never started: the 400 page.
        await page.goto(`${appUrl()}/api/wecom/callback?code=CODE&state=never-issued`);
        await expect(page.getByTestId('login-state-invalid')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);

        // A setup error WeCom answers: the app is not set up yet.
        await mock.setIdentity({ userid: DEMO.engineer });
        await mock.fault({ path: '/cgi-bin/auth/getuserinfo', errcode: 48002, times: 1 });
        await page.goto(`${appUrl()}/`);
        await expect(page.getByTestId('login-not-set-up')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);

        // A link broken in copying: the 400 page of the proxy.
        await page.goto(`${appUrl()}/admin/members/%ZZ`);
        await expect(page.getByTestId('bad-path')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);

        // Signed in, then WeCom stops answering: the 502 notice with its retry.
        await page.goto(`${appUrl('privateinfo')}/`);
        await expect(page.getByTestId('profile-name')).toBeVisible();
        await mock.fault({ path: '/cgi-bin/user/get', status: 500, times: 100 });
        await page.reload();
        await expect(page.getByTestId('page-wecom-unavailable')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);
      });
    });

    test.describe('admin pages on a desktop', () => {
      test('directory, member page, 403 and 404', async ({ page, mock }) => {
        await mock.setIdentity({ userid: DEMO.ceo });
        await page.goto(`${appUrl()}/admin`);
        await expect(page.getByTestId('member-list')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);

        await page.goto(`${appUrl()}/admin/members/${DEMO.engineer}`);
        await expect(page.getByTestId('profile-name')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);

        await page.goto(`${appUrl()}/no-such-page`);
        await expect(page.getByTestId('not-found')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);

        await page.context().clearCookies();
        await mock.setIdentity({ userid: DEMO.engineer });
        await page.goto(`${appUrl()}/admin`);
        await expect(page.getByTestId('forbidden')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);
      });
    });
  });
}
