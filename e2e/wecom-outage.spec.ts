import { DEMO } from '../mock/seed';
import { appUrl, expect, test } from './support/fixtures';

const LOGIN = '/api/wecom/miniprogram/login';

test('100 sign-ins against a failing gettoken cost it at most 10 calls, and sign-in works again soon after WeCom does', async ({ request, mock }) => {
  test.setTimeout(60_000);
  await mock.revokeTokens();
  await mock.fault({ path: '/cgi-bin/gettoken', errcode: -1, times: 10_000 });
  await mock.resetCounters();
  const statuses = new Map<number, number>();
  for (let i = 0; i < 100; i++) {
    const code = await mock.miniProgramCode(DEMO.engineer);
    const login = await request.post(`${appUrl()}${LOGIN}`, { data: { code } });
    statuses.set(login.status(), (statuses.get(login.status()) ?? 0) + 1);
    if (i === 0) expect(await login.json()).toMatchObject({ error: 'busy', errcode: -1 });
  }
  // Every caller got WeCom's answer (busy: 503), not a crash; WeCom was hardly asked.
  expect([...statuses.entries()]).toEqual([[503, 100]]);
  const calls = await mock.counters();
  expect(calls['/cgi-bin/gettoken']).toBeLessThanOrEqual(10);
  expect(calls['/cgi-bin/miniprogram/jscode2session'] ?? 0).toBeLessThanOrEqual(10);

  await mock.clearFaults();
  const recovered = Date.now();
  await expect
    .poll(async () => (await request.post(`${appUrl()}${LOGIN}`, { data: { code: await mock.miniProgramCode(DEMO.engineer) } })).status(), {
      timeout: 10_000,
      intervals: [250],
    })
    .toBe(200);
  // The longest interval between probes is 8 s.
  expect(Date.now() - recovered).toBeLessThan(9_000);
});
