import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { AppVariant } from '../global-setup';
import { WECOM_PHONE_UA, appUrl, sessionCookie } from './fixtures';
import type { mockControl } from '../../mock/control-client';

type Mock = ReturnType<typeof mockControl>;

/** A member who opened the app in the WeCom client: a browser of their own, signed in. */
export async function signedInBrowser(
  browser: Browser,
  mock: Mock,
  userid: string,
  variant: AppVariant = 'base',
): Promise<{ context: BrowserContext; page: Page; cookie: string }> {
  const context = await browser.newContext({ userAgent: WECOM_PHONE_UA, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await mock.setIdentity({ userid });
  await page.goto(`${appUrl(variant)}/`);
  await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', userid);
  const cookie = await sessionCookie(context);
  if (!cookie) throw new Error('signed in without a session cookie');
  return { context, page, cookie: cookie.value };
}

/** What a mini-program holds after wx.qy.login and our login endpoint. */
export async function bearerToken(request: APIRequestContext, mock: Mock, userid: string, variant: AppVariant = 'base'): Promise<string> {
  const code = await mock.miniProgramCode(userid);
  const login = await request.post(`${appUrl(variant)}/api/wecom/miniprogram/login`, { data: { code } });
  expect(login.status(), await login.text()).toBe(200);
  return (await login.json()).token as string;
}

/** `/api/me` as a script would call it: exactly the carrier given, nothing the browser adds. */
export async function callMe(request: APIRequestContext, variant: AppVariant, carrier: { cookie?: string; bearer?: string }) {
  const headers: Record<string, string> = {};
  if (carrier.cookie !== undefined) headers.cookie = `wecom_portal_session=${carrier.cookie}`;
  if (carrier.bearer !== undefined) headers.authorization = `Bearer ${carrier.bearer}`;
  return request.get(`${appUrl(variant)}/api/me`, { headers, maxRedirects: 0 });
}

/** "Sign out on all devices" on the profile: the button, then its confirmation. */
export async function signOutEverywhere(page: Page): Promise<void> {
  await page.getByTestId('sign-out-everywhere').click();
  await page.getByTestId('sign-out-everywhere-confirm').click();
}
