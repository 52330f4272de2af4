import http from 'node:http';
import { DEMO } from '../mock/seed';
import { appUrl, expect, test } from './support/fixtures';

// The `rateLimited` instance allows SIGN_IN_RATE_LIMIT=5 code exchanges a minute per client
// address and trusts no proxy: the address is the TCP peer's.
const LIMIT = 5;

/** A POST from a chosen loopback address: another client, as far as the app can tell. */
function postFrom(localAddress: string, url: string, body: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; json: Record<string, unknown> }>((resolve, reject) => {
    const request = http.request(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, json: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

test('a flood of made-up codes from one client gets 429 with Retry-After, costs WeCom nothing more, and other clients still sign in', async ({ page, mock }) => {
  const login = `${appUrl('rateLimited')}/api/wecom/miniprogram/login`;
  for (let i = 0; i < LIMIT; i++) {
    // A forged X-Forwarded-For does not make the flood look like many clients.
    const made_up = await postFrom('127.0.0.1', login, { code: `made-up-code-${i}` }, { 'x-forwarded-for': `10.0.0.${i}` });
    expect(made_up.status).toBe(400);
  }
  const limited = await postFrom('127.0.0.1', login, { code: 'made-up-code-x' }, { 'x-forwarded-for': '10.0.0.99' });
  expect(limited.status).toBe(429);
  expect(limited.json).toMatchObject({ error: 'rate_limited' });
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect((await mock.counters())['/cgi-bin/miniprogram/jscode2session']).toBe(LIMIT);

  // Another address signs in as usual.
  const other = await postFrom('127.0.0.2', login, { code: await mock.miniProgramCode(DEMO.engineer) });
  expect(other.status).toBe(200);
  expect(other.json).toMatchObject({ userid: DEMO.engineer });

  // The browser sign-in callback counts against the same limit: a page that says when to retry.
  const response = await page.goto(`${appUrl('rateLimited')}/api/wecom/callback?code=made-up&state=whatever`);
  expect(response?.status()).toBe(429);
  expect(Number(response?.headers()['retry-after'])).toBeGreaterThan(0);
  await expect(page.getByTestId('login-rate-limited')).toBeVisible();
  expect((await mock.counters())['/cgi-bin/auth/getuserinfo'] ?? 0).toBe(0);
});

test('an admin\'s Refresh is limited too: the seventh in a minute gets 429 and the directory stays', async ({ page, mock }) => {
  // An admin through the WeCom tag whom no other spec refreshes as: the limit counts per admin.
  await mock.setIdentity({ userid: DEMO.withDash });
  await page.goto(`${appUrl()}/admin`);
  await expect(page.getByTestId('member-list')).toBeVisible();
  const refresh = () => page.request.post(`${appUrl()}/api/admin/refresh`, { headers: { origin: appUrl() } });
  for (let i = 0; i < 6; i++) expect((await refresh()).status()).toBe(200);
  const limited = await refresh();
  expect(limited.status()).toBe(429);
  expect(limited.headers()['retry-after']).toBeTruthy();
  expect((await page.request.get(`${appUrl()}/api/admin/members?q=zhangwei`)).status()).toBe(200);
});
