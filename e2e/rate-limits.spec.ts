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

/** A GET from a chosen loopback address, redirects not followed: one hop of a browser's sign-in. */
function getFrom(localAddress: string, url: string, cookie?: string) {
  return new Promise<{ status: number; location: string; cookies: string[] }>((resolve, reject) => {
    const request = http.get(url, { localAddress, headers: cookie ? { cookie } : {} }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode!, location: response.headers.location ?? '', cookies: response.headers['set-cookie'] ?? [] }));
    });
    request.on('error', reject);
  });
}

test('junk callbacks from one address do not lock out a colleague\'s real sign-in from the same address (an office NAT)', async ({ mock }) => {
  // Both people share 127.0.0.3, as colleagues behind one NAT address share it for the app.
  const office = '127.0.0.3';
  const callback = `${appUrl('rateLimited')}/api/wecom/callback`;
  for (let i = 0; i < LIMIT * 3; i++) {
    const junk = await getFrom(office, i % 2 ? `${callback}?code=junk-${i}&state=Junk${i}` : `${callback}?code=junk-${i}`);
    expect(junk.status).toBe(303);
    expect(junk.location).toBe(`${appUrl('rateLimited')}/auth/notice?reason=state-invalid`);
  }
  expect((await mock.counters())['/cgi-bin/auth/getuserinfo'] ?? 0).toBe(0);

  // The colleague's browser: the app sends it to WeCom with a state, WeCom sends it back with a code.
  await mock.setIdentity({ userid: DEMO.withDot });
  const start = await getFrom(office, `${appUrl('rateLimited')}/`);
  expect(start.status).toBe(302);
  const pending = start.cookies.map((c) => c.split(';')[0]).join('; ');
  const back = await getFrom(office, start.location);
  expect(back.location).toContain('/api/wecom/callback?');
  const signedIn = await getFrom(office, back.location, pending);
  expect(signedIn.status).toBe(303);
  expect(signedIn.cookies.some((c) => c.startsWith('wecom_portal_session=') && !c.startsWith('wecom_portal_session=;'))).toBe(true);
  expect((await mock.counters())['/cgi-bin/auth/getuserinfo']).toBe(1);
});

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

  // A browser sign-in from the flooding address counts against the same limit: WeCom's
  // redirect back with a real code and state gets a page that says when to retry.
  await mock.setIdentity({ userid: DEMO.engineer });
  const callbackAnswer = page.waitForResponse((r) => r.url().includes('/api/wecom/callback'));
  const final = await page.goto(`${appUrl('rateLimited')}/`);
  await expect(page.getByTestId('login-rate-limited')).toBeVisible();
  expect(final?.status()).toBe(429);
  const response = await callbackAnswer;
  expect(response.status()).toBe(303);
  expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
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
