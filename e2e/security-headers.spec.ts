import { DEMO } from '../mock/seed';
import { WECOM_PHONE_UA, appUrl, expect, recordNavigations, test } from './support/fixtures';

test.use({ userAgent: WECOM_PHONE_UA });

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

test.describe('security headers', () => {
  test('every page has a CSP with a fresh nonce that its scripts carry, and no inline script runs without it', async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.engineer });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile-name')).toBeVisible();
    const first = await page.reload();
    const second = await page.reload();
    const csp = first!.headers()['content-security-policy'];
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).not.toContain('unsafe-inline\' \'strict');
    expect(csp).toMatch(/script-src [^;]*'nonce-/);
    expect(csp).not.toMatch(/script-src [^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'self'");
    const nonce = nonceOf(csp);
    expect(nonce).toBeTruthy();
    expect(nonceOf(second!.headers()['content-security-policy'])).not.toBe(nonce);
    // Next.js put that response's nonce on every script it rendered.
    const raw = await page.request.get(`${appUrl()}/`);
    const scripts = (await raw.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    const rawNonce = nonceOf(raw.headers()['content-security-policy']);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${rawNonce}"`))).toEqual([]);

    const headers = first!.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['permissions-policy']).toContain('camera=()');
    // Plain http here: HSTS would pin a development host to https.
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  test('markup injected into the page cannot run script: inline handlers are refused', async ({ browser, mock }) => {
    const context = await browser.newContext({ userAgent: WECOM_PHONE_UA });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await mock.setIdentity({ userid: DEMO.engineer });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile-name')).toBeVisible();
    // What an XSS would add to the markup: an inline event handler.
    await page.evaluate(() => {
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.__injected = true">';
      document.body.append(holder);
    });
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected ?? false)).toBe(false);
    await context.close();
  });

  test('APIs carry the headers too, and the OAuth callback sends no Referer anywhere', async ({ page, request, mock }) => {
    const api = await request.get(`${appUrl()}/api/me`, { maxRedirects: 0 });
    expect(api.status()).toBe(401);
    expect(api.headers()['x-content-type-options']).toBe('nosniff');
    expect(api.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');

    await mock.setIdentity({ userid: DEMO.engineer });
    const navigations = recordNavigations(page);
    const callbacks: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/wecom/callback')) callbacks.push(response.headers()['referrer-policy'] ?? '');
    });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile-name')).toBeVisible();
    expect(navigations.some((url) => url.includes('/api/wecom/callback'))).toBe(true);
    expect(callbacks).toEqual(['no-referrer']);
  });
});
