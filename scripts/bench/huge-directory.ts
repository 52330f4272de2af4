import { startApp, type AppServer } from '@/harness/app-server';
import { startRedisServer } from '@/harness/redis-server';
import { minSecondsBetweenFullReads } from '@/lib/admin/full-read-budget';
import { mockControl } from '@/mock/control-client';
import { startMockProcess } from '@/harness/mock-process';
import { mockTenantEnv } from '@/mock/tenant-env';
import { signIn } from './sign-in';
import { percentile, round } from './stats';
import { upstreamCallsOf } from './upstream-calls';

export interface HugeDirectorySetup {
  /** The app's environment without the WeCom tenant (the huge mock is started here). */
  env: Record<string, string>;
  latencyMs: number;
  /** Short, as in the issue's own run: the spacing of full reads, not this, then decides. */
  dataCacheSeconds: number;
  /** Load after the fleet has seen the background full read, to see it settle. */
  afterRebuildSeconds: number;
  logFile: (name: string) => string;
  /** Peak resident size and live heap of an instance, read at the end. */
  memoryOf: (app: AppServer) => Promise<{ peakRssMiB?: number; heapAfterGcMiB: number }>;
}

/** Group heads of the huge company: two admins, one on each instance. */
const ADMINS = ['hg000001', 'hg000002'];
const QUERIES = ['王', '李伟', '张静', 'wangf', 'lw', 'zhangj', '客户经理', '组长', 'hg0012', 'Beijing'];

/**
 * The 100,000-member company (1,464 departments) on two instances sharing Redis: the cold
 * build of /admin, the first view on the other instance, then two admins searching and
 * listing members without pause until the fleet has read the directory again in the
 * background (due when the data lifetime and WeCom's spacing of full reads have passed) and
 * for a while after. Every request is timed; the window around the background read is
 * reported on its own.
 */
export async function measureHugeDirectory(setup: HugeDirectorySetup) {
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const mockStarted = performance.now();
    // In a process of its own, as WeCom is: serialising 100,000 members must not slow the timing.
    const mock = await startMockProcess({ MOCK_DIRECTORY: 'huge', MOCK_LATENCY_MS: String(setup.latencyMs) });
    closers.push(() => mock.close());
    const mockStartMs = performance.now() - mockStarted;
    const control = mockControl(mock.url);
    const redis = await startRedisServer();
    closers.push(() => redis.stop());
    const env = { ...setup.env, ...mockTenantEnv(mock.url), REDIS_URL: redis.url, DATA_CACHE_SECONDS: String(setup.dataCacheSeconds), ADMIN_USERIDS: ADMINS.join(',') };
    const apps = await Promise.all(['a', 'b'].map((name) => startApp(env, { logFile: setup.logFile(`huge-${name}`) })));
    closers.push(...apps.map((app) => () => app.close()));

    const admins: { appUrl: string; cookie: string }[] = [];
    for (const [i, userid] of ADMINS.entries()) {
      await control.setIdentity({ userid });
      admins.push({ appUrl: apps[i].url, cookie: (await signIn(apps[i].url)).cookie });
    }
    const get = async (admin: { appUrl: string; cookie: string }, path: string) => {
      const started = performance.now();
      const response = await fetch(`${admin.appUrl}${path}`, { headers: { cookie: admin.cookie }, redirect: 'manual' });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      return { ms: performance.now() - started, body };
    };

    let coldBuildMs = 0;
    const coldCalls = await upstreamCallsOf(control, async () => {
      coldBuildMs = (await get(admins[0], '/admin')).ms;
    });
    const otherInstanceFirstMs = (await get(admins[1], '/admin')).ms;
    const departmentsOf = async (admin: (typeof admins)[number]) =>
      JSON.parse((await get(admin, '/api/admin/departments')).body) as { departments: { id: number; parentid: number }[]; builtAt: number };
    const { departments, builtAt: firstBuiltAt } = await departmentsOf(admins[0]);
    const spacingSeconds = Math.max(setup.dataCacheSeconds, minSecondsBetweenFullReads(departments.length));
    // The background read starts with the first request after it is due and takes seconds.
    const dueAt = firstBuiltAt + spacingSeconds * 1000;

    type Sample = { kind: 'search' | 'list' | 'page'; ms: number; at: number };
    const samples: Sample[] = [];
    const seenNewRead = [0, 0];
    let stopAt = Number.POSITIVE_INFINITY;
    const loadCalls = await upstreamCallsOf(control, async () => {
      await Promise.all(
        admins.map(async (admin, a) => {
          for (let i = 0; Date.now() < stopAt; i += 1) {
            const department = departments[(i * 37 + a * 11) % departments.length].id;
            const kind: Sample['kind'] = i % 10 === 9 ? 'page' : i % 2 === 0 ? 'search' : 'list';
            const path =
              kind === 'page'
                ? `/admin?department=${department}`
                : kind === 'search'
                  ? `/api/admin/members?department=1&children=1&q=${encodeURIComponent(QUERIES[i % QUERIES.length])}&offset=0&limit=50`
                  : `/api/admin/members?department=${department}&children=${i % 4 === 1 ? 1 : 0}&q=&offset=${i % 3 === 0 ? 50 : 0}&limit=50`;
            samples.push({ kind, ms: (await get(admin, path)).ms, at: Date.now() });
            if (i % 20 === 0 && !seenNewRead[a]) {
              const { builtAt } = await departmentsOf(admin);
              if (builtAt !== firstBuiltAt) {
                seenNewRead[a] = Date.now();
                if (seenNewRead.every(Boolean)) stopAt = Date.now() + setup.afterRebuildSeconds * 1000;
              }
            }
          }
        }),
      );
    });

    const windowFrom = dueAt - 2000;
    const windowTo = Math.max(...seenNewRead) + 2000;
    const figures = (kind: Sample['kind'], inWindow?: boolean) => {
      const ms = samples.filter((s) => s.kind === kind && (inWindow === undefined || (s.at >= windowFrom && s.at <= windowTo) === inWindow)).map((s) => s.ms);
      return { requests: ms.length, p50Ms: percentile(ms, 50), p95Ms: percentile(ms, 95), maxMs: round(Math.max(...ms)) };
    };
    return {
      members: (JSON.parse((await get(admins[0], '/api/admin/members?department=1&children=1&limit=1')).body) as { total: number }).total,
      departments: departments.length,
      dataCacheSeconds: setup.dataCacheSeconds,
      fullReadSpacingSeconds: spacingSeconds,
      mockStartMs: round(mockStartMs, 0),
      coldBuildMs: round(coldBuildMs, 0),
      coldBuildWeComCalls: coldCalls,
      otherInstanceFirstViewMs: round(otherInstanceFirstMs, 0),
      loadSeconds: round((Math.max(...samples.map((s) => s.at)) - Math.min(...samples.map((s) => s.at))) / 1000, 0),
      /** Each full read asks department/list once (no events are sent here). */
      rebuilds: loadCalls['department/list'] ?? 0,
      weComCallsDuringLoad: loadCalls,
      rebuildWindowSeconds: round((windowTo - windowFrom) / 1000, 0),
      all: { search: figures('search'), list: figures('list'), page: figures('page') },
      duringRebuild: { search: figures('search', true), list: figures('list', true), page: figures('page', true) },
      memory: await Promise.all(apps.map((app) => setup.memoryOf(app))),
    };
  } finally {
    for (const close of closers.reverse()) await close().catch(() => {});
  }
}
