import { DEMO } from '../mock/seed';
import { WECOM_PHONE_UA, appUrl, expect, recordNavigations, sessionCookie, test } from './support/fixtures';
import { METRICS_TOKEN, sample } from './support/metrics';

test.use({ userAgent: WECOM_PHONE_UA });

const scrape = (request: import('@playwright/test').APIRequestContext, token?: string, variant: 'base' | 'privateinfo' = 'base') =>
  request.get(`${appUrl(variant)}/api/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {}, maxRedirects: 0 });

test('/api/metrics needs METRICS_TOKEN: 401 without or with a wrong one, 404 where it is not set', async ({ request }) => {
  expect((await scrape(request)).status()).toBe(401);
  expect((await scrape(request, 'not-the-token-at-all')).status()).toBe(401);
  expect((await scrape(request, METRICS_TOKEN, 'privateinfo')).status()).toBe(404);
});

test('after a sign-in the scrape counts it, the WeCom calls and the requests, and holds no userid, code or token', async ({ page, request, mock }) => {
  const before = await (await scrape(request, METRICS_TOKEN)).text();
  await mock.revokeTokens();
  await mock.setIdentity({ userid: DEMO.withAt });
  const navigations = recordNavigations(page);
  await page.goto(`${appUrl()}/`);
  await expect(page.getByTestId('profile-name')).toBeVisible();
  const me = await page.request.get(`${appUrl()}/api/me`);
  expect(me.status()).toBe(200);

  const answer = await scrape(request, METRICS_TOKEN);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toContain('text/plain');
  const text = await answer.text();
  const grew = (name: string, labels: Record<string, string>) => sample(text, name, labels) - sample(before, name, labels);
  expect(grew('portal_sign_ins_total', { outcome: 'succeeded', via: 'in_app' })).toBe(1);
  expect(grew('wecom_api_requests_total', { api: 'auth/getuserinfo', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  // The revoked token was refused once (token_invalid), then replaced.
  expect(grew('wecom_api_requests_total', { api: 'auth/getuserinfo', outcome: 'token_invalid' })).toBe(1);
  expect(grew('wecom_token_refreshes_total', { credential: 'access_token' })).toBe(1);
  expect(grew('portal_http_requests_total', { route: 'me', method: 'GET', status: '200' })).toBe(1);
  expect(grew('portal_http_requests_total', { route: 'wecom_callback', method: 'GET', status: '303' })).toBe(1);
  expect(sample(text, 'wecom_api_request_duration_seconds_count', { api: 'user/get' })).toBeGreaterThan(0);
  expect(sample(text, 'portal_cache_reads_total', { cache: 'member', result: 'hit' })).toBeGreaterThan(0);
  expect(text).toContain('process_cpu_user_seconds_total');

  const code = new URL(navigations.find((url) => url.includes('/api/wecom/callback'))!).searchParams.get('code')!;
  const cookie = (await sessionCookie(page.context()))!.value;
  for (const secret of [DEMO.withAt, code, cookie, METRICS_TOKEN]) expect(text).not.toContain(secret);
});
