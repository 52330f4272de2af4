/**
 * `npm run bench`: builds the production app, starts the mock of WeCom with a per-call
 * latency, then one instance of the app and afterwards two behind one Redis, and prints the
 * figures the README's Performance section quotes (also written to bench-results/bench.json).
 * A script that reports, never a test that passes or fails on timings. Loopback only.
 *
 *   npm run bench -- [--latency-ms=50] [--seconds=5] [--connections=10] [--samples=100] [--burst=200] [--admin-seconds=20] [--skip-build]
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { startMockWeCom } from '@/mock/server';
import { startApp, type AppServer } from '@/harness/app-server';
import { mockTenantEnv } from '@/mock/tenant-env';
import { mockControl } from '@/mock/control-client';
import { startRedisServer, type RedisServer } from '@/harness/redis-server';
import { measureAdminAcrossExpiry } from './bench/admin-expiry';
import { buildApp } from './bench/build';
import { measureEvents } from './bench/events';
import { measureNameOnScreen } from './bench/name-on-screen';
import { peakResidentMiB, pidListeningOn } from './bench/process-memory';
import { formatTable, writeJson, type BenchResults } from './bench/report';
import { measureScaleOut } from './bench/scale-out';
import { measureSingleInstance } from './bench/single-instance';
import { visibleMembers } from './bench/upstream-calls';

const root = path.resolve(__dirname, '..');
/** Beside, never instead of, the `.next` that `npm start` and the tests use. */
const DIST_DIR = '.next-bench';
const DATA_CACHE_SECONDS = 60;
/** Short, so the admin run spans several expiries of the directory index. */
const ADMIN_CACHE_SECONDS = 5;

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
  browserLoads: option('browser-loads', 20),
  dataCacheSeconds: DATA_CACHE_SECONDS,
};
const skipBuild = process.argv.includes('--skip-build');
const step = (message: string) => console.error(`· ${message}`);
const portOf = (app: AppServer) => Number(new URL(app.url).port);
const logFile = (name: string) => path.join(root, 'bench-results', `app-${name}.log`);

async function main() {
  // The mock ties every delayed answer of a 200-request burst to one shutdown signal; that is expected here.
  setMaxListeners(1000);
  const startedAt = new Date().toISOString();
  if (skipBuild) step(`using the existing build in ${DIST_DIR} (--skip-build)`);
  else {
    step(`building the production app into ${DIST_DIR}`);
    buildApp(root, DIST_DIR);
  }

  const closers: (() => Promise<void>)[] = [];
  try {
    const mock = await startMockWeCom({ latencyMs: settings.mockLatencyMs, quiet: true });
    closers.push(() => mock.close());
    const control = mockControl(mock.url);
    const env = {
      ...mockTenantEnv(mock.url),
      SESSION_SECRET: randomBytes(32).toString('base64'),
      DATA_CACHE_SECONDS: String(DATA_CACHE_SECONDS),
      NEXT_DIST_DIR: DIST_DIR,
    };
    const load = { durationSeconds: settings.loadSeconds, connections: settings.connections };

    step('one instance, in-process cache: upstream calls, callback latency, throughput, cookie');
    const single = await startApp(env, { logFile: logFile('single') });
    const closeSingle = once(() => single.close());
    closers.push(closeSingle);
    const singleFigures = await measureSingleInstance({
      appUrl: single.url,
      mockUrl: mock.url,
      mock: control,
      latencyMs: settings.mockLatencyMs,
      callbackSamples: settings.callbackSamples,
      load,
    });
    const singleMemory = peakResidentMiB(pidListeningOn(portOf(single)));
    // Stopped before the next phase so the two instances have the machine to themselves.
    await closeSingle();

    step(`name on screen in Chromium, ${settings.browserLoads} loads each: signed-out page, cached profile, in-app sign-in; cache in memory, then in Redis`);
    const [browserMember] = await visibleMembers(mock.url);
    const browserContext = { env, mockUrl: mock.url, member: browserMember };
    const nameOnScreen = { memory: await nameOnScreenWith({}, browserContext), redis: await nameOnScreenWith({ redis: true }, browserContext) };

    step('event callbacks: answer time, and a change in WeCom to a page that shows it (DATA_CACHE_SECONDS=600)');
    const callback = { token: randomBytes(8).toString('hex'), aesKey: randomBytes(32).toString('base64').slice(0, 43) };
    const eventsApp = await startApp(
      { ...env, DATA_CACHE_SECONDS: '600', WECOM_CALLBACK_TOKEN: callback.token, WECOM_CALLBACK_AES_KEY: callback.aesKey },
      { logFile: logFile('events') },
    );
    const closeEvents = once(() => eventsApp.close());
    closers.push(closeEvents);
    const [eventMember] = await visibleMembers(mock.url);
    const events = await measureEvents({ appUrl: eventsApp.url, mock: control, callback, member: eventMember, samples: settings.callbackSamples });
    await control.clearCallback();
    await closeEvents();

    step(`/admin on the 20,000-member directory across its expiry (DATA_CACHE_SECONDS=${ADMIN_CACHE_SECONDS}, ${settings.adminSeconds} s)`);
    const largeMock = await startMockWeCom({ latencyMs: settings.mockLatencyMs, quiet: true, directory: 'large' });
    closers.push(() => largeMock.close());
    const [largeAdmin] = await visibleMembers(largeMock.url);
    const adminApp = await startApp(
      { ...env, ...mockTenantEnv(largeMock.url), DATA_CACHE_SECONDS: String(ADMIN_CACHE_SECONDS), ADMIN_USERIDS: largeAdmin },
      { logFile: logFile('admin-large') },
    );
    const closeAdmin = once(() => adminApp.close());
    closers.push(closeAdmin);
    const adminDirectory = await measureAdminAcrossExpiry({
      appUrl: adminApp.url,
      mock: mockControl(largeMock.url),
      admin: largeAdmin,
      dataCacheSeconds: ADMIN_CACHE_SECONDS,
      seconds: settings.adminSeconds,
    });
    await closeAdmin();

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
    const pairMemory = pair.map((app) => peakResidentMiB(pidListeningOn(portOf(app))));

    const results: BenchResults = {
      command: 'npm run bench',
      startedAt,
      environment: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', platform: `${os.platform()} ${os.release()}` },
      settings,
      single: singleFigures,
      events,
      adminDirectory,
      nameOnScreen,
      scaleOut,
      peakMemoryMiB: { single: singleMemory, scaleOut: pairMemory, redisServer: peakResidentMiB(redis.pid()) },
    };
    const file = writeJson(root, results);
    console.log(`\n${formatTable(results)}\n`);
    step(`written to ${path.relative(root, file)}`);
  } finally {
    for (const close of closers.reverse()) await close().catch(() => {});
  }
}

/** One instance (its cache in memory, or in a Redis of its own) measured in Chromium. */
async function nameOnScreenWith(options: { redis?: boolean }, context: { env: Record<string, string>; mockUrl: string; member: string }) {
  const redis = options.redis ? await startRedisServer() : null;
  const app = await startApp({ ...context.env, ...(redis ? { REDIS_URL: redis.url } : {}) }, { logFile: logFile(`browser-${redis ? 'redis' : 'memory'}`) });
  try {
    return await measureNameOnScreen({ appUrl: app.url, mock: mockControl(context.mockUrl), member: context.member, loads: settings.browserLoads });
  } finally {
    await app.close();
    await redis?.stop();
  }
}

function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
