import { randomBytes } from 'node:crypto';
import { startRedisServer } from '../harness/redis-server';
import { DEMO } from '../mock/seed';
import { startApp } from '../harness/app-server';
import { mockTenantEnv } from '../mock/tenant-env';
import { expect, test } from './support/fixtures';

test('SIGTERM: the request in flight finishes, new connections are refused, Redis is closed, exit code 0', async ({ mock }) => {
  test.setTimeout(60_000);
  const redis = await startRedisServer();
  const app = await startApp({
    ...mockTenantEnv(process.env.E2E_MOCK_URL!),
    SESSION_SECRET: randomBytes(32).toString('base64'),
    REDIS_URL: redis.url,
    // Every view reads WeCom, so a slow WeCom keeps a request in flight.
    DATA_CACHE_SECONDS: '0',
  });
  try {
    const code = await mock.miniProgramCode(DEMO.engineer);
    const login = await fetch(`${app.url}/api/wecom/miniprogram/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };

    await mock.fault({ path: '/cgi-bin/user/get', delayMs: 1500, times: 10 });
    const inFlight = fetch(`${app.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const exitCode = app.stop('SIGTERM');

    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await fetch(`${app.url}/api/health`).then(
      (response) => `answered ${response.status}`,
      () => 'refused',
    );
    expect(refused).toBe('refused');

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ userid: DEMO.engineer });
    expect(await exitCode).toBe(0);
    expect(app.output()).toContain('"event":"shutdown.redis_closed"');
  } finally {
    await app.close();
    await redis.stop();
  }
});
