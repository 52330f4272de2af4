import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { appLogFile, type AppVariant } from '../global-setup';
import { mockControl } from './mock-control';

/** A WeCom client web view on a phone: what the in-app flow is told apart by. */
export const WECOM_PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh ColorScheme/Light';

export function appUrl(variant: AppVariant = 'base'): string {
  const url = process.env[`E2E_APP_URL_${variant}`];
  if (!url) throw new Error(`no app instance "${variant}": is the global setup running?`);
  return url;
}

export const test = base.extend<{ mock: ReturnType<typeof mockControl> }>({
  mock: async ({}, use) => {
    const control = mockControl(process.env.E2E_MOCK_URL!);
    // Tokens survive, so each spec starts like a running deployment and its call counts are exact.
    await control.reset({ keepTokens: true });
    await use(control);
  },
});
export { expect };

export async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === 'wecom_portal_session');
}

/** Records every URL the page navigated to, so a spec can check what WeCom was sent. */
export function recordNavigations(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest()) urls.push(request.url());
  });
  return urls;
}

export function appLog(variant: AppVariant): string {
  try {
    return readFileSync(appLogFile(variant), 'utf8');
  } catch {
    return '';
  }
}
