import type { mockControl } from '@/mock/control-client';
import { signIn } from './sign-in';
import { percentile, round } from './stats';
import { upstreamCallsOf } from './upstream-calls';

type MockControl = ReturnType<typeof mockControl>;

export interface AdminExpirySetup {
  /** An instance on the 20,000-member mock, with a short DATA_CACHE_SECONDS. */
  appUrl: string;
  mock: MockControl;
  admin: string;
  dataCacheSeconds: number;
  /** How long admins keep asking after the warm-up: several cache lifetimes. */
  seconds: number;
}

/**
 * The admin directory across its expiry: after one cold build (the warm-up), admins keep
 * opening /admin and the member list while the index expires again and again. Every request
 * is timed; the figure that matters is the slowest one after warm-up.
 */
export async function measureAdminAcrossExpiry(setup: AdminExpirySetup) {
  const { appUrl, mock } = setup;
  await mock.setIdentity({ userid: setup.admin });
  const { cookie } = await signIn(appUrl);
  const get = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${appUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
    await response.text();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return performance.now() - started;
  };

  const coldMs = await get('/admin');
  const page: number[] = [];
  const api: number[] = [];
  const calls = await upstreamCallsOf(mock, async () => {
    const until = performance.now() + setup.seconds * 1000;
    // Two admins at once, as the directory is used: one opens the page, one pages through members.
    await Promise.all([
      (async () => {
        while (performance.now() < until) page.push(await get('/admin'));
      })(),
      (async () => {
        for (let offset = 0; performance.now() < until; offset = (offset + 50) % 20_000) {
          api.push(await get(`/api/admin/members?department=1&offset=${offset}&limit=50`));
        }
      })(),
    ]);
  });
  const all = [...page, ...api];
  return {
    coldBuildMs: round(coldMs),
    seconds: setup.seconds,
    dataCacheSeconds: setup.dataCacheSeconds,
    requests: all.length,
    pageP50Ms: percentile(page, 50),
    pageP95Ms: percentile(page, 95),
    apiP50Ms: percentile(api, 50),
    apiP95Ms: percentile(api, 95),
    maxMs: round(Math.max(...all)),
    over200Ms: all.filter((ms) => ms > 200).length,
    /** Full rebuilds during the run (each reads department/list once, then user/list per department). */
    rebuilds: calls['department/list'] ?? 0,
  };
}
