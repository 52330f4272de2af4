import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { DEMO } from '../mock/seed';
import { startApp, type AppServer } from '../harness/app-server';
import { mockTenantEnv } from '../mock/tenant-env';
import { expect, test } from './support/fixtures';
import { mockControl } from '../mock/control-client';
import { startRedisServer, type RedisServer } from '../harness/redis-server';

/**
 * Two instances of the app behind an imaginary load balancer: separate `next start`
 * processes sharing one Redis (REDIS_URL) and one session secret, against the shared mock.
 * Sign-ins are driven over plain HTTP, hundreds at once, and may start on one instance
 * and finish on the other, as they would behind a balancer without sticky sessions.
 */
test.describe.configure({ mode: 'serial' });

let redis: RedisServer;
let apps: AppServer[] = [];
const logFile = (name: string) => path.resolve(__dirname, '../.e2e-logs', `app-scale-out-${name}.log`);

test.beforeAll(async () => {
  test.setTimeout(90_000);
  redis = await startRedisServer();
  const env = { ...mockTenantEnv(process.env.E2E_MOCK_URL!), REDIS_URL: redis.url, SESSION_SECRET: randomBytes(32).toString('base64') };
  apps = await Promise.all(['a', 'b'].map((name) => startApp(env, { logFile: logFile(name) })));
});

test.afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await redis?.stop();
});

interface SignInResult {
  status: number;
  session?: string;
  error?: string;
}

function cookieValue(response: Response, name: string): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return undefined;
}

/** GET / (302 to WeCom + state cookie) → the mock's login (302 back with a code) → the callback (303 + session). */
async function signIn(start: AppServer, finish: AppServer): Promise<SignInResult> {
  try {
    const entry = await fetch(`${start.url}/`, { redirect: 'manual' });
    const state = cookieValue(entry, 'wecom_portal_login');
    const login = entry.headers.get('location');
    if (entry.status !== 302 || !state || !login) return { status: entry.status, error: 'no redirect to WeCom' };
    const wecom = await fetch(login, { redirect: 'manual' });
    const callback = wecom.headers.get('location');
    if (wecom.status !== 302 || !callback) return { status: wecom.status, error: 'the mock issued no code' };
    const target = new URL(callback);
    const done = await fetch(`${finish.url}${target.pathname}${target.search}`, { redirect: 'manual', headers: { cookie: `wecom_portal_login=${state}` } });
    await done.body?.cancel();
    return { status: done.status, session: cookieValue(done, 'wecom_portal_session') };
  } catch (error) {
    return { status: 0, error: String(error) };
  }
}

/** `count` sign-ins, at most `concurrency` at a time, spread over both instances and crossing between them. */
async function signIns(count: number, concurrency = count, onProgress?: (done: number) => void): Promise<SignInResult[]> {
  const results: SignInResult[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(count, concurrency) }, async () => {
      while (next < count) {
        const i = next++;
        results.push(await signIn(apps[i % 2], apps[(i >> 1) % 2]));
        onProgress?.(results.length);
      }
    }),
  );
  return results;
}

const failures = (results: SignInResult[]) => results.filter((r) => r.status !== 303 || !r.session);
const logEvents = (app: AppServer, event: string) => app.output().split('\n').filter((line) => line.includes(`"event":"${event}"`)).length;
const tokenKey = () => redisKeys('*:access_token');
const redisWarnings = () =>
  apps
    .map((app, i) => `instance ${i}: ${app.output().split('\n').filter((line) => line.includes('"event":"cache.redis_unavailable"')).join(' ') || 'no Redis warning'}`)
    .join('; ');
async function redisKeys(pattern: string): Promise<string[]> {
  const admin = new Redis(redis.url);
  try {
    return await admin.keys(pattern);
  } finally {
    admin.disconnect();
  }
}

test('200 concurrent cold sign-ins over two instances cost exactly one gettoken', async ({ mock }) => {
  test.setTimeout(60_000);
  await mock.reset({ keepTokens: false });
  await mock.setIdentity({ userid: DEMO.engineer });

  const results = await signIns(200);
  expect(failures(results)).toEqual([]);
  const counters = await mock.counters();
  // Were an instance to lose Redis during the burst it would fetch its own token: say so if it did.
  expect(counters['/cgi-bin/gettoken'], redisWarnings()).toBe(1);
  expect(counters['/cgi-bin/auth/getuserinfo']).toBe(200);
  expect(await tokenKey()).toHaveLength(1);

  // The session is stateless and the data cache shared: a page view on b after one on a costs WeCom nothing.
  const cookie = `wecom_portal_session=${results[0].session}`;
  const view = async (app: AppServer) => {
    const page = await fetch(`${app.url}/`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('何静');
  };
  await mock.resetCounters();
  await view(apps[0]);
  const afterFirstView = await mock.counters();
  expect(afterFirstView['/cgi-bin/user/get']).toBeGreaterThanOrEqual(1);
  expect(afterFirstView['/cgi-bin/department/list']).toBe(1);
  await mock.resetCounters();
  await view(apps[1]);
  expect(await mock.counters()).toEqual({});
});

test('a token revoked on WeCom is replaced once for both instances', async ({ mock }) => {
  await mock.setIdentity({ userid: DEMO.ceo });
  expect((await signIns(2)).every((r) => r.status === 303)).toBe(true);
  const before = await redisKeys('*:access_token');
  await mock.revokeTokens();
  await mock.resetCounters();

  const results = await signIns(60);
  expect(failures(results)).toEqual([]);
  expect((await mock.counters())['/cgi-bin/gettoken']).toBe(1);
  expect(await redisKeys('*:access_token')).toEqual(before);
});

test('killing Redis mid-run loses no sign-in, warns once per instance, and Redis is used again when it returns', async ({ mock }) => {
  test.setTimeout(60_000);
  await mock.setIdentity({ userid: DEMO.withDot });
  const warningsBefore = apps.map((app) => logEvents(app, 'cache.redis_unavailable'));

  let killed: Promise<void> | undefined;
  const results = await signIns(120, 8, (done) => {
    if (done === 40) killed = redis.kill();
  });
  await killed;
  expect(failures(results)).toEqual([]);
  expect(results).toHaveLength(120);
  // The outage is reported once by each instance, not once per request.
  expect(apps.map((app, i) => logEvents(app, 'cache.redis_unavailable') - warningsBefore[i])).toEqual([1, 1]);

  await redis.restart();
  await mock.resetCounters();
  // Each instance reconnects (ioredis back-off, at most 2 s), waits out its own back-off, and goes back to Redis.
  await expect(async () => {
    expect(failures(await signIns(4))).toEqual([]);
    expect(apps.map((app) => logEvents(app, 'cache.redis_available'))).toEqual([1, 1]);
  }).toPass({ timeout: 15_000, intervals: [250] });
  // The restarted Redis was empty; the instances refilled it with one token between them.
  expect(await tokenKey()).toHaveLength(1);
  expect((await mock.counters())['/cgi-bin/gettoken']).toBe(1);
});

test('nothing the instances logged carries a credential or the Redis URL', async () => {
  const { MOCK_APPS } = await import('../mock/credentials');
  for (const app of apps) {
    const output = app.output();
    expect(output).toContain('"event":"cache.store_selected"');
    expect(output).not.toContain(MOCK_APPS[0].secret);
    expect(output).not.toContain(redis.url);
    expect(output).not.toMatch(/access_token=|corpsecret=|code=/);
  }
});

// The standard instances and the next specs expect the mock as the fixture leaves it.
test.afterAll(async () => {
  await mockControl(process.env.E2E_MOCK_URL!).reset({ keepTokens: true });
});
