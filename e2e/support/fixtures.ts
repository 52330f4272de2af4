import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { appLogFile, type AppVariant } from '../global-setup';
import { mockControl } from '../../mock/control-client';

/** A WeCom client web view on a phone: what the in-app flow is told apart by. */
export const WECOM_PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh ColorScheme/Light';

/** The `standalone` project runs its specs against the server the Docker image runs. */
function instanceFor(requested: AppVariant): AppVariant {
  return requested === 'base' && test.info().project.name === 'standalone' ? 'standalone' : requested;
}

export function appUrl(requested: AppVariant = 'base'): string {
  const variant = instanceFor(requested);
  const url = process.env[`E2E_APP_URL_${variant}`];
  if (!url) throw new Error(`no app instance "${variant}": the global setup starts the instances a spec names as a string literal (e2e/support/needed-variants.ts)`);
  return url;
}

export const test = base.extend<{ mock: ReturnType<typeof mockControl> }>({
  // Every page a spec drives must work under the Content-Security-Policy: a script or style
  // the policy refuses is logged by Chromium as a console error, and fails the test.
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await use(page);
    expect(violations, 'Content-Security-Policy violations on the page').toEqual([]);
  },
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
    return readFileSync(appLogFile(instanceFor(variant)), 'utf8');
  } catch {
    return '';
  }
}
