/**
 * `npm run bench`: builds the production app, starts the mock of WeCom (in a process of its
 * own, with a per-call latency), then instances of the app one phase after another, and
 * prints the figures the README's Performance section quotes, each beside its goal (also
 * written to bench-results/bench.json). A script that reports, never a test that passes or
 * fails on timings. Loopback only.
 *
 *   npm run bench -- [--latency-ms=50] [--seconds=5] [--connections=10] [--samples=100] [--burst=200]
 *                    [--admin-seconds=20] [--browser-loads=40] [--huge-seconds=10] [--soak-seconds=600] [--skip-build]
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { startApp, type AppServer } from '@/harness/app-server';
import { startMockProcess, type MockProcess } from '@/harness/mock-process';
import { mockTenantEnv } from '@/mock/tenant-env';
import { mockControl } from '@/mock/control-client';
import { startRedisServer, type RedisServer } from '@/harness/redis-server';
import { measureAdminAcrossExpiry } from './bench/admin-expiry';
import { buildApp } from './bench/build';
import { measureEvents } from './bench/events';
import { measureHugeDirectory } from './bench/huge-directory';
import { measureNameOnScreen } from './bench/name-on-screen';
import { heapAfterGc, peakResidentMiB, pidListeningOn, type HeapReport } from './bench/process-memory';
import { formatTable, writeJson, type BenchResults, type InstanceMemory } from './bench/report';
import { measureScaleOut } from './bench/scale-out';
import { measureSingleInstance } from './bench/single-instance';
import { measureSoak } from './bench/soak';
import { visibleMembers } from './bench/upstream-calls';

const root = path.resolve(__dirname, '..');
/** Beside, never instead of, the `.next` that `npm start` and the tests use. */
const DIST_DIR = '.next-bench';
const DATA_CACHE_SECONDS = 60;
/** Short, so the admin run spans several expiries of the directory index. */
const ADMIN_CACHE_SECONDS = 5;
/** As in the issue's own 100,000-member run: the spacing of full reads, not this, then decides. */
const HUGE_CACHE_SECONDS = 10;
/**
 * The soak's session and sign-in state lifetimes. Each sign-in leaves a spent state and each
 * sign-out a revocation in the store until those lifetimes end (10 minutes and 8 hours by
 * default): kept short here, their count is steady before the first reading, so what grows
 * over the soak is anything else.
 */
const SOAK_LIFETIME_SECONDS = 120;

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const raw = arg?.slice(name.length + 3) ?? process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
  return value;
}

const settings = {
  mockLatencyMs: option('latency-ms', 50),
  loadSeconds: option('seconds', 5),
  connections: option('connections', 10),
  callbackSamples: option('samples', 100),
  burst: option('burst', 200),
  adminSeconds: option('admin-seconds', 20),
  browserLoads: option('browser-loads', 40),
  hugeAfterRebuildSeconds: option('huge-seconds', 10),
  soakSeconds: option('soak-seconds', 600),
  dataCacheSeconds: DATA_CACHE_SECONDS,
};
const skipBuild = process.argv.includes('--skip-build');
const step = (message: string) => console.error(`· ${message}`);
const logFile = (name: string) => path.join(root, 'bench-results', `app-${name}.log`);

async function main() {
  const startedAt = new Date().toISOString();
  if (skipBuild) step(`using the existing build in ${DIST_DIR} (--skip-build)`);
  else {
    step(`building the production app into ${DIST_DIR}`);
    buildApp(root, DIST_DIR);
  }

  const closers: (() => Promise<void>)[] = [];
  const startMock = async (env: Record<string, string> = {}): Promise<MockProcess> => {
    // In a process of its own, as WeCom is: its work must not run on the event loop that times the app.
    const mock = await startMockProcess({ MOCK_LATENCY_MS: String(settings.mockLatencyMs), ...env });
    closers.push(() => mock.close());
    return mock;
  };
  try {
    const mock = await startMock();
    const control = mockControl(mock.url);
    const env = {
      ...mockTenantEnv(mock.url),
      SESSION_SECRET: randomBytes(32).toString('base64'),
      DATA_CACHE_SECONDS: String(DATA_CACHE_SECONDS),
      NEXT_DIST_DIR: DIST_DIR,
      // For the heap report after a full collection (lib/http/heap-report.ts); production never has it.
      NODE_OPTIONS: '--expose-gc',
    };
    const load = { durationSeconds: settings.loadSeconds, connections: settings.connections };
    const memory: Record<string, InstanceMemory> = {};
    /** One instance for one phase: started, measured, its memory read, stopped. */
    const withInstance = async <T>(name: string, appEnv: Record<string, string>, measure: (app: AppServer) => Promise<T>): Promise<T> => {
      const app = await startApp(appEnv, { logFile: logFile(name) });
      try {
        const result = await measure(app);
        memory[name] = await memoryOf(app);
        return result;
      } finally {
        await app.close();
      }
    };

    step('one instance, in-process cache: upstream calls, callback latency, throughput, cookie');
    const single = await withInstance('single', env, (app) =>
      measureSingleInstance({ appUrl: app.url, mockUrl: mock.url, mock: control, latencyMs: settings.mockLatencyMs, callbackSamples: settings.callbackSamples, load }),
    );

    step(`name on screen in Chromium, ${settings.browserLoads} loads each: signed-out page, cached profile, in-app sign-in; cache in memory, then in Redis`);
    const [browserMember] = await visibleMembers(mock.url);
    const browser = (app: AppServer) => measureNameOnScreen({ appUrl: app.url, mock: control, member: browserMember, loads: settings.browserLoads });
    const nameOnScreen = {
      memory: await withInstance('browser-memory', env, browser),
      redis: await withRedis((redis) => withInstance('browser-redis', { ...env, REDIS_URL: redis.url }, browser)),
    };

    step('event callbacks: answer time, and a change in WeCom to a page that shows it (DATA_CACHE_SECONDS=600)');
    const callback = { token: randomBytes(8).toString('hex'), aesKey: randomBytes(32).toString('base64').slice(0, 43) };
    const [eventMember] = await visibleMembers(mock.url);
    const events = await withInstance(
      'events',
      { ...env, DATA_CACHE_SECONDS: '600', WECOM_CALLBACK_TOKEN: callback.token, WECOM_CALLBACK_AES_KEY: callback.aesKey },
      (app) => measureEvents({ appUrl: app.url, mock: control, callback, member: eventMember, samples: settings.callbackSamples }),
    );
    await control.clearCallback();

    step(`/admin on the 20,000-member directory across its expiry (DATA_CACHE_SECONDS=${ADMIN_CACHE_SECONDS}, ${settings.adminSeconds} s)`);
    const largeMock = await startMock({ MOCK_DIRECTORY: 'large' });
    const [largeAdmin] = await visibleMembers(largeMock.url);
    const adminDirectory = await withInstance(
      'admin-large',
      { ...env, ...mockTenantEnv(largeMock.url), DATA_CACHE_SECONDS: String(ADMIN_CACHE_SECONDS), ADMIN_USERIDS: largeAdmin },
      (app) =>
        measureAdminAcrossExpiry({ appUrl: app.url, mock: mockControl(largeMock.url), admin: largeAdmin, dataCacheSeconds: ADMIN_CACHE_SECONDS, seconds: settings.adminSeconds }),
    );
    await largeMock.close();

    step(`two instances sharing one Redis: ${settings.burst} concurrent cold sign-ins`);
    const redis: RedisServer = await startRedisServer();
    closers.push(() => redis.stop());
    const pair = await Promise.all(['a', 'b'].map((name) => startApp({ ...env, REDIS_URL: redis.url }, { logFile: logFile(`redis-${name}`) })));
    closers.push(...pair.map((app) => () => app.close()));
    const [firstMember] = await visibleMembers(mock.url);
    const scaleOut = await measureScaleOut(
      pair.map((app) => app.url),
      control,
      settings.burst,
      load,
      firstMember,
    );
    for (const [i, app] of pair.entries()) memory[`redis-${'ab'[i]}`] = await memoryOf(app);
    const redisServerMiB = peakResidentMiB(redis.pid());
    await Promise.all(pair.map((app) => app.close()));
    await redis.stop();

    step(`100,000 members on two instances sharing Redis (DATA_CACHE_SECONDS=${HUGE_CACHE_SECONDS}): cold /admin, then search and lists through a background rebuild`);
    const hugeDirectory = await measureHugeDirectory({
      env,
      latencyMs: settings.mockLatencyMs,
      dataCacheSeconds: HUGE_CACHE_SECONDS,
      afterRebuildSeconds: settings.hugeAfterRebuildSeconds,
      logFile,
      memoryOf,
    });

    step(`soak: 4 clients signing in, viewing their profile 3 times and signing out, for ${settings.soakSeconds} s`);
    // All clients come from one address here; the sign-in limit is per address.
    const soakLifetimes = { SESSION_TTL_SECONDS: String(SOAK_LIFETIME_SECONDS), SIGN_IN_STATE_SECONDS: String(SOAK_LIFETIME_SECONDS) };
    const soak = await withInstance('soak', { ...env, ...soakLifetimes, SIGN_IN_RATE_LIMIT: '1000000' }, async (app) =>
      measureSoak({
        app,
        pid: pidOf(app),
        seconds: settings.soakSeconds,
        clients: 4,
        everySeconds: Math.max(10, settings.soakSeconds / 10),
        storeLifetimeSeconds: SOAK_LIFETIME_SECONDS,
      }),
    );

    const results: BenchResults = {
      command: 'npm run bench',
      startedAt,
      environment: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', platform: `${os.platform()} ${os.release()}` },
      settings,
      single,
      events,
      adminDirectory,
      nameOnScreen,
      scaleOut,
      hugeDirectory,
      soak,
      memory,
      redisServerMiB,
    };
    const file = writeJson(root, results);
    console.log(`\n${formatTable(results)}\n`);
    step(`written to ${path.relative(root, file)}`);
  } finally {
    for (const close of closers.reverse()) await close().catch(() => {});
  }
}

function pidOf(app: AppServer): number {
  const pid = pidListeningOn(Number(new URL(app.url).port));
  if (pid === undefined) throw new Error(`no process listens on ${app.url}`);
  return pid;
}

/** After a phase: the most the process was resident (VmHWM) and what is alive after a full collection. */
async function memoryOf(app: AppServer): Promise<InstanceMemory> {
  const pid = pidOf(app);
  const heap: HeapReport = await heapAfterGc(app, pid);
  return { peakRssMiB: peakResidentMiB(pid), heapAfterGcMiB: heap.heapUsedMiB };
}

async function withRedis<T>(use: (redis: RedisServer) => Promise<T>): Promise<T> {
  const redis = await startRedisServer();
  try {
    return await use(redis);
  } finally {
    await redis.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
