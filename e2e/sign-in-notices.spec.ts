import AxeBuilder from '@axe-core/playwright';
import type { mockControl } from '../mock/control-client';
import { DEMO } from '../mock/seed';
import { SIGN_IN_NOTICES, type SignInNotice } from '../lib/auth/sign-in-notice';
import { WECOM_PHONE_UA, appUrl, expect, test } from './support/fixtures';

/**
 * A sign-in that makes no session ends on /auth/notice?reason=…: one reason a page, in the
 * reader's language, with what they can do next, the same after a reload, and nothing internal.
 */

/** What no employee should read on a sign-in page: errcodes, API and variable names, operator text. */
const INTERNAL = [/\b[4-6]\d{4}\b/, /errcode|错误码/i, /WECOM_|APP_URL|getuserinfo|user\/get|cgi-bin/, /For the operator|给运维/];

async function expectNothingInternal(text: string) {
  for (const pattern of INTERNAL) expect(text).not.toMatch(pattern);
}

type Mock = ReturnType<typeof mockControl>;
const asMember = (mock: Mock) => mock.setIdentity({ userid: DEMO.engineer });

const causes: { reason: SignInNotice; cause: string; arrange: (mock: Mock) => Promise<unknown>; says: RegExp }[] = [
  { reason: 'not-set-up', cause: 'an untrusted server IP (60020)', arrange: async (mock) => (await mock.settings({ trustedIps: ['203.0.113.7'] }), asMember(mock)), says: /还没有设置好/ },
  { reason: 'not-visible', cause: 'a member outside the visible range', arrange: (mock) => mock.setIdentity({ userid: DEMO.outsideRange }), says: /可见范围/ },
  { reason: 'disabled', cause: 'a disabled member', arrange: (mock) => mock.setIdentity({ userid: DEMO.disabled }), says: /星河智能科技有限公司.*已被管理员停用/ },
  { reason: 'left', cause: 'a member who left', arrange: (mock) => mock.setIdentity({ userid: DEMO.left }), says: /离开企业/ },
  { reason: 'non-member', cause: 'a WeChat visitor', arrange: (mock) => mock.setIdentity({ nonMember: true }), says: /仅供企业成员/ },
  { reason: 'refused', cause: "a refusal on WeCom's page", arrange: (mock) => mock.setIdentity({ refuse: true }), says: /取消了登录/ },
  {
    reason: 'wecom-busy',
    cause: 'WeCom busy after retries (-1)',
    arrange: async (mock) => (await mock.fault({ path: '/cgi-bin/auth/getuserinfo', errcode: -1, times: 4 }), asMember(mock)),
    says: /暂时无法连接/,
  },
  {
    reason: 'wecom-rate-limited',
    cause: "WeCom's frequency limit (45009)",
    arrange: async (mock) => (await mock.fault({ path: '/cgi-bin/auth/getuserinfo', errcode: 45009 }), asMember(mock)),
    says: /限制了本应用/,
  },
];

test.describe('sign-in failures end on a page of their own reason', () => {
  for (const { reason, cause, arrange, says } of causes) {
    test(`${cause}: /auth/notice?reason=${reason}, ${SIGN_IN_NOTICES[reason].status}, and a reload shows the same`, async ({ page, mock }) => {
      await arrange(mock);
      const response = await page.goto(`${appUrl()}/`);
      const url = new URL(page.url());
      expect(url.pathname).toBe('/auth/notice');
      expect(url.searchParams.get('reason')).toBe(reason);
      expect([...url.searchParams.keys()].every((key) => key === 'reason' || key === 'next')).toBe(true);
      expect(response?.status()).toBe(SIGN_IN_NOTICES[reason].status);
      const notice = page.getByTestId(SIGN_IN_NOTICES[reason].testId);
      await expect(notice).toContainText(says);
      await expectNothingInternal(await notice.innerText());

      // The code and the state are spent; the reason is in the address, so a reload says the same.
      await mock.clearFaults();
      const again = await page.reload();
      expect(again?.status()).toBe(SIGN_IN_NOTICES[reason].status);
      await expect(page.getByTestId(SIGN_IN_NOTICES[reason].testId)).toContainText(says);
      await expect(page.getByTestId('auth-action')).toBeVisible();
    });
  }

  test('outside the visible range is not "your account is disabled"', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.outsideRange });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('login-not-visible')).toBeVisible();
    await expect(page.locator('main')).not.toContainText('停用');
  });

  test('a stale callback for someone signed in keeps the top bar with sign-out', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.engineer });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile')).toBeVisible();
    const response = await page.goto(`${appUrl()}/api/wecom/callback?code=CODE&state=NeverIssued000000000000000000000`);
    expect(response?.status()).toBe(400);
    await expect(page.getByTestId('login-state-invalid')).toBeVisible();
    await expect(page.getByTestId('sign-out')).toBeVisible();
  });

  test('an unknown reason is the not-found page, not an empty notice', async ({ page }) => {
    expect((await page.goto(`${appUrl()}/auth/notice?reason=%3Cscript%3E`))?.status()).toBe(404);
    expect((await page.goto(`${appUrl()}/auth/notice`))?.status()).toBe(404);
  });

  test('"try again" goes back where the sign-in started, and never off the site', async ({ page }) => {
    await page.goto(`${appUrl()}/auth/notice?reason=wecom-busy&next=${encodeURIComponent('/admin?q=何')}`);
    await expect(page.getByTestId('auth-action')).toHaveAttribute('href', `/admin?q=${encodeURIComponent('何')}`);
    await page.goto(`${appUrl()}/auth/notice?reason=wecom-busy&next=${encodeURIComponent('//evil.example/')}`);
    await expect(page.getByTestId('auth-action')).toHaveAttribute('href', '/');
  });
});

test.describe('every sign-in notice, as people see it', () => {
  const devices = {
    phone: { viewport: { width: 390, height: 844 }, userAgent: WECOM_PHONE_UA },
    desktop: { viewport: { width: 1280, height: 800 } },
  } as const;
  for (const [locale, acceptLanguage] of [['zh', 'zh-CN'], ['en', 'en-US']] as const) {
    for (const device of ['phone', 'desktop'] as const) {
      test(`in ${locale} on a ${device}: each status and text, nothing internal${device === 'phone' ? ', no serious axe finding on the card' : ''}`, async ({ browser }) => {
        test.setTimeout(90_000);
        const context = await browser.newContext({ ...devices[device], locale: acceptLanguage, extraHTTPHeaders: { 'accept-language': acceptLanguage } });
        const page = await context.newPage();
        for (const reason of Object.keys(SIGN_IN_NOTICES) as SignInNotice[]) {
          const response = await page.goto(`${appUrl()}/auth/notice?reason=${reason}`);
          expect(response?.status(), reason).toBe(SIGN_IN_NOTICES[reason].status);
          const notice = page.getByTestId(SIGN_IN_NOTICES[reason].testId);
          await expect(notice).toBeVisible();
          const text = await notice.innerText();
          await expectNothingInternal(text);
          // The company's own name is the one Chinese text an English page may carry.
          if (locale === 'en') expect(text.replaceAll('星河智能科技有限公司', ''), reason).not.toMatch(/[\u4e00-\u9fff]/);
          // axe takes seconds a page, and every notice is the same card: it checks the three shapes
          // of it (with a note, with the company's name, plain), at phone width, in each language.
          if (device === 'phone' && ['not-set-up', 'disabled', 'rate-limited'].includes(reason)) {
            const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => ['serious', 'critical'].includes(v.impact ?? ''));
            expect(serious, reason).toEqual([]);
          }
          await page.screenshot({ path: `test-results/screenshots/sign-in-notices/${reason}-${locale}-${device}.png` });
        }
        await context.close();
      });
    }
  }
});
