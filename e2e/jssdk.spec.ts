import type { Page } from '@playwright/test';
import { MOCK_APPS, MOCK_CORP_ID } from '../mock/credentials';
import { DEMO } from '../mock/seed';
import { WECOM_PHONE_UA, appUrl, expect, test } from './support/fixtures';

const CONFIG = '/api/wecom/jssdk-config';
const configUrl = (pageUrl: string) => `${appUrl()}${CONFIG}?url=${encodeURIComponent(pageUrl)}`;

async function signInInBrowser(page: Page, userid: string, mock: { setIdentity: (i: { userid: string }) => Promise<unknown> }) {
  await mock.setIdentity({ userid });
  await page.goto(`${appUrl()}/`);
  await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', userid);
}

test.describe('JS-SDK configuration endpoint', () => {
  test('signs a page of the app with both tickets, reusing the cached tickets', async ({ page, mock }) => {
    await signInInBrowser(page, DEMO.engineer, mock);
    await mock.resetCounters();
    const pageUrl = `${appUrl()}/?from=workbench`;

    const first = await page.request.get(configUrl(`${pageUrl}#wechat_redirect`));
    expect(first.status()).toBe(200);
    expect(first.headers()['cache-control']).toContain('no-store');
    const a = await first.json();
    expect(a).toMatchObject({ corpId: MOCK_CORP_ID, agentId: MOCK_APPS[0].agentId, url: pageUrl });
    for (const signed of [a.corp, a.agent]) {
      expect(Object.keys(signed).sort()).toEqual(['nonceStr', 'signature', 'timestamp']);
      expect(signed.signature).toMatch(/^[0-9a-f]{40}$/);
      expect(signed.nonceStr).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(Math.abs(signed.timestamp - Date.now() / 1000)).toBeLessThan(60);
    }
    expect(a.corp.signature).not.toBe(a.agent.signature);
    expect(JSON.stringify(a)).not.toMatch(/ticket/i);

    const afterFirst = await mock.counters();
    expect(afterFirst['/cgi-bin/get_jsapi_ticket'] ?? 0).toBeLessThanOrEqual(1);
    expect(afterFirst['/cgi-bin/ticket/get'] ?? 0).toBeLessThanOrEqual(1);

    const b = await (await page.request.get(configUrl(`${appUrl()}/?from=elsewhere`))).json();
    expect(b.url).toBe(`${appUrl()}/?from=elsewhere`);
    expect(b.corp.signature).not.toBe(a.corp.signature);
    expect(b.agent.signature).not.toBe(a.agent.signature);
    const afterSecond = await mock.counters();
    expect(afterSecond['/cgi-bin/get_jsapi_ticket']).toBe(afterFirst['/cgi-bin/get_jsapi_ticket']);
    expect(afterSecond['/cgi-bin/ticket/get']).toBe(afterFirst['/cgi-bin/ticket/get']);
  });

  test('refuses pages of other origins and anything that is not a page address: 400', async ({ page, mock }) => {
    await signInInBrowser(page, DEMO.engineer, mock);
    const host = new URL(appUrl());
    const cases: [string | null, string][] = [
      ['https://evil.example/', 'url_foreign_origin'],
      [`http://localhost:${host.port}/`, 'url_foreign_origin'],
      [`${host.protocol}//${host.hostname}.evil.example:${host.port}/`, 'url_foreign_origin'],
      ['javascript:alert(document.cookie)', 'url_foreign_origin'],
      ['/relative', 'url_malformed'],
      [`${appUrl()}/?q=${'a'.repeat(3000)}`, 'url_too_long'],
      ['', 'url_missing'],
      [null, 'url_missing'],
    ];
    for (const [candidate, kind] of cases) {
      const url = candidate === null ? `${appUrl()}${CONFIG}` : configUrl(candidate);
      const response = await page.request.get(url);
      expect(response.status(), String(candidate).slice(0, 40)).toBe(400);
      expect((await response.json()).error, String(candidate).slice(0, 40)).toBe(kind);
    }
  });

  test('needs a session: 401 JSON without one', async ({ request }) => {
    const response = await request.get(configUrl(`${appUrl()}/`), { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect((await response.json()).error).toBe('unauthenticated');
  });
});

/** A stand-in for the WeCom client's bridge: answers agentConfig and scanQRCode, and records the calls. */
async function installFakeBridge(page: Page, options: { agentConfig: 'ok' | 'fail'; scanResult: string }) {
  await page.addInitScript((opts) => {
    const calls: { name: string; params: Record<string, unknown> }[] = [];
    (window as unknown as { __bridgeCalls: typeof calls }).__bridgeCalls = calls;
    (window as unknown as { WeixinJSBridge: unknown }).WeixinJSBridge = {
      invoke(name: string, params: Record<string, unknown>, callback: (result: Record<string, unknown>) => void) {
        calls.push({ name, params });
        const answer =
          name === 'agentConfig'
            ? { err_msg: opts.agentConfig === 'ok' ? 'agentConfig:ok' : 'agentConfig:fail invalid signature' }
            : name === 'scanQRCode'
              ? { err_msg: 'scanQRCode:ok', resultStr: JSON.stringify({ scan_code: { scan_result: opts.scanResult } }) }
              : { err_msg: `${name}:ok` };
        setTimeout(() => callback(answer), 10);
      },
      on() {},
    };
  }, options);
}

const bridgeCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __bridgeCalls: { name: string; params: Record<string, string> }[] }).__bridgeCalls);

test.describe('scan a colleague\'s QR code on the profile page', () => {
  test.describe('inside WeCom', () => {
    test.use({ userAgent: WECOM_PHONE_UA, viewport: { width: 390, height: 844 } });

    test('registers the JS-SDK with the server signature for this page, then scans', async ({ page, mock }) => {
      const colleague = 'https://work.weixin.qq.com/u/vc8a2f00d5c0ffee01';
      await installFakeBridge(page, { agentConfig: 'ok', scanResult: colleague });
      await signInInBrowser(page, DEMO.engineer, mock);
      const button = page.getByTestId('jssdk-scan-button');
      await expect(button).toBeVisible();
      await expect(button).toHaveText('扫描同事的二维码');

      const configResponse = page.waitForResponse((r) => r.url().includes(CONFIG));
      await button.click();
      const response = await configResponse;
      // The page signs its own address, without the fragment (the in-app sign-in leaves #wechat_redirect).
      expect(new URL(response.url()).searchParams.get('url')).toBe(page.url().split('#')[0]);
      const config = await response.json();

      await expect(page.getByTestId('jssdk-scan-result')).toContainText(colleague);
      await expect(page.getByTestId('jssdk-scan-result').locator('a')).toHaveAttribute('href', colleague);
      const calls = await bridgeCalls(page);
      const agentConfig = calls.find((c) => c.name === 'agentConfig')!;
      expect(agentConfig.params).toMatchObject({
        corpid: MOCK_CORP_ID,
        agentid: String(MOCK_APPS[0].agentId),
        timestamp: String(config.agent.timestamp),
        nonceStr: config.agent.nonceStr,
        signature: config.agent.signature,
      });
      expect(calls.map((c) => c.name)).toContain('scanQRCode');
    });

    test('says clearly when WeCom refuses the configuration', async ({ page, mock }) => {
      await installFakeBridge(page, { agentConfig: 'fail', scanResult: '' });
      await signInInBrowser(page, DEMO.engineer, mock);
      await page.getByTestId('jssdk-scan-button').click();
      const error = page.getByTestId('jssdk-scan-error');
      await expect(error).toContainText('无法打开企业微信扫一扫');
      await expect(error).toContainText('agentConfig:fail');
      await expect(page.getByTestId('jssdk-scan-button')).toBeEnabled();
    });
  });

  test.describe('in a browser that only claims to be WeCom', () => {
    test.use({ userAgent: WECOM_PHONE_UA, viewport: { width: 390, height: 844 } });

    test('gives up with a message within a few seconds when the WeCom bridge does not answer', async ({ page, mock }) => {
      await signInInBrowser(page, DEMO.engineer, mock);
      const button = page.getByTestId('jssdk-scan-button');
      await button.click();
      await expect(button).toHaveText('正在打开扫一扫…');
      const error = page.getByTestId('jssdk-scan-error');
      await expect(error).toContainText('无法打开企业微信扫一扫', { timeout: 5000 });
      await expect(error).toContainText('企业微信客户端没有响应');
      await expect(button).toBeEnabled();
    });
  });

  test('is not offered in a desktop browser', async ({ page, mock }) => {
    await signInInBrowser(page, DEMO.engineer, mock);
    await page.waitForLoadState('networkidle');
    await expect(page.getByTestId('profile-name')).toBeVisible();
    await expect(page.getByTestId('jssdk-scan')).toHaveCount(0);
  });
});
