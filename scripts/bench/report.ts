import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { measureAdminAcrossExpiry } from './admin-expiry';
import type { measureEvents } from './events';
import type { measureHugeDirectory } from './huge-directory';
import type { NameOnScreen } from './name-on-screen';
import type { measureScaleOut } from './scale-out';
import type { measureSingleInstance } from './single-instance';
import type { measureSoak } from './soak';

export interface InstanceMemory {
  /** VmHWM: the most the process was ever resident. */
  peakRssMiB?: number;
  /** Alive after a full collection, at the end of its phase. */
  heapAfterGcMiB: number;
}

export interface BenchResults {
  command: string;
  startedAt: string;
  environment: { node: string; cpus: number; cpuModel: string; platform: string };
  settings: Record<string, number>;
  single: Awaited<ReturnType<typeof measureSingleInstance>>;
  events: Awaited<ReturnType<typeof measureEvents>>;
  adminDirectory: Awaited<ReturnType<typeof measureAdminAcrossExpiry>>;
  nameOnScreen: { memory: NameOnScreen; redis: NameOnScreen };
  scaleOut: Awaited<ReturnType<typeof measureScaleOut>>;
  hugeDirectory: Awaited<ReturnType<typeof measureHugeDirectory>>;
  soak: Awaited<ReturnType<typeof measureSoak>>;
  /** By phase: single, browser-memory, browser-redis, events, admin-large, redis-a, redis-b, soak. */
  memory: Record<string, InstanceMemory>;
  redisServerMiB?: number;
}

type Row = [figure: string, value: string, goal?: string];

const calls = (byApi: Record<string, number>) =>
  Object.entries(byApi)
    .map(([api, n]) => `${api} ${n}`)
    .join(', ') || 'none';
const mib = (value: number | undefined) => (value === undefined ? 'n/a' : `${value}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** The issue's goal for the peak of every single-instance run (20,000 members at most). */
const SINGLE_INSTANCE_PEAK_GOAL = '≤ 250 MiB';

function nameOnScreenRows(title: string, n: NameOnScreen): Row[] {
  return [
    [`${title}, p50 / p95 (n=${n.loads} each)`, `signed-out page ${n.signedOutP50Ms} / ${n.signedOutP95Ms} ms`],
    ['   cached profile (repeat view)', `${n.cachedProfileP50Ms} / ${n.cachedProfileP95Ms} ms: ${n.cachedProfileRatio}x the signed-out page (p95); skeleton first in ${n.skeletonShown} loads`],
    ['   in-app open with sign-in', `${n.inAppSignInP50Ms} / ${n.inAppSignInP95Ms} ms: ${n.inAppSignInRatio}x the signed-out page (p95)`, '≤ 2.5x'],
  ];
}

function memoryRows(memory: Record<string, InstanceMemory>): Row[] {
  const single = ['single', 'browser-memory', 'browser-redis', 'events', 'admin-large', 'soak'].filter((name) => memory[name]);
  const line = (names: string[]) => names.map((name) => `${name} ${mib(memory[name].peakRssMiB)} (${memory[name].heapAfterGcMiB})`).join(', ');
  return [
    ['6. peak RSS, MiB (live heap after GC), one instance a run', line(single), SINGLE_INSTANCE_PEAK_GOAL],
    ['   two instances sharing Redis', line(['redis-a', 'redis-b'].filter((name) => memory[name]))],
  ];
}

function hugeRows(h: BenchResults['hugeDirectory']): Row[] {
  const during = h.duringRebuild;
  return [
    [`10. /admin, ${h.members.toLocaleString('en')} members (${h.departments} departments), 2 instances + Redis`, `cold build ${seconds(h.coldBuildMs)}; other instance's first view ${h.otherInstanceFirstViewMs} ms`, '≤ 4 s'],
    [`   search / list p95 during a background rebuild (${during.search.requests + during.list.requests} requests)`, `${during.search.p95Ms} / ${during.list.p95Ms} ms (max ${during.search.maxMs} / ${during.list.maxMs})`, '≤ 50 / ≤ 100 ms'],
    [`   search / list / page p95, all ${h.loadSeconds} s`, `${h.all.search.p95Ms} / ${h.all.list.p95Ms} / ${h.all.page.p95Ms} ms`],
    ['   WeCom reads of the whole directory', `${h.rebuilds + 1} in the run (cold + ${h.rebuilds}), ${h.coldBuildWeComCalls['user/list'] ?? 0} user/list calls each; at most one every ${h.fullReadSpacingSeconds} s`],
    ['   peak RSS, MiB (live heap after GC)', h.memory.map((m) => `${mib(m.peakRssMiB)} (${m.heapAfterGcMiB})`).join(' / '), '≤ 450 MiB'],
  ];
}

/** The figures as a table for the terminal (and the README), in the issue's order, each beside its goal. */
export function formatTable(r: BenchResults): string {
  const { single: s, scaleOut: x, soak } = r;
  const up = s.upstreamCalls;
  const lat = s.callbackLatency;
  const tp = s.throughput;
  const rows: Row[] = [
    ['1. upstream calls: first login + page (cold)', `${up.firstLoginWithPage.total} (${calls(up.firstLoginWithPage.byApi)})`],
    [`   per login + page, next ${up.loginWithPagePerMember.members} members`, `${up.loginWithPagePerMember.average} (${calls(up.loginWithPagePerMember.byApi)})`],
    [`   per repeat profile view (< ${r.settings.dataCacheSeconds} s)`, `${up.repeatProfileView.average} (${up.repeatProfileView.views} views: ${calls(up.repeatProfileView.byApi)})`],
    [`2. gettoken, ${x.coldSignIns} concurrent cold logins`, `${x.gettoken} over ${x.instances} instances + Redis; ${x.signedIn}/${x.coldSignIns} signed in`, '1'],
    [`3. callback latency p50 / p95 (n=${lat.samples})`, `${lat.p50Ms} / ${lat.p95Ms} ms`],
    [
      `   minus the WeCom calls it waited for (${lat.upstreamCallsPerCallback} x ${lat.weComRoundTrip.p50Ms} ms)`,
      `${lat.appAddedP50Ms} / ${lat.appAddedP95Ms} ms added by the app (mock latency ${lat.mockLatencyMs} ms; one call from a plain client p50 ${lat.weComRoundTrip.p50Ms} ms)`,
      '≤ 5 / 10 ms',
    ],
    ['4. profile page, authenticated', `${tp.profile.requestsPerSecond} req/s (p50 ${tp.profile.latencyP50Ms} ms)`],
    ['   static page /signed-out', `${tp.staticPage.requestsPerSecond} req/s (p50 ${tp.staticPage.latencyP50Ms} ms)`],
    ['   ratio profile / static', `${tp.ratio}`, '≥ 0.7'],
    ['   proxy session check', `${tp.sessionCheck.perRequestMs} ms server time/request (HTTP difference); unseal ${tp.sessionCheck.unseal.cpuMicroseconds} µs CPU, ${tp.sessionCheck.unseal.elapsedMicroseconds} µs elapsed`],
    ['   profile page, data from Redis', `${x.profileViaRedis.requestsPerSecond} req/s (p50 ${x.profileViaRedis.latencyP50Ms} ms)`],
    ['5. session cookie', `${s.sessionCookie.valueBytes} bytes value; ${s.sessionCookie.setCookieBytes} bytes Set-Cookie`],
    ...memoryRows(r.memory),
    [`7. event answered p50 / p95 (n=${r.events.deliveries})`, `${r.events.answeredP50Ms} / ${r.events.answeredP95Ms} ms`],
    [`   change in WeCom -> page shows it, p50 / p95 (n=${r.events.changes})`, `${r.events.changeToFreshPageP50Ms} / ${r.events.changeToFreshPageP95Ms} ms (profile cached 600 s)`],
    ['8. /admin, 20,000 members, cold build', seconds(r.adminDirectory.coldBuildMs), '≤ 1.5 s'],
    [`   then ${r.adminDirectory.seconds} s across expiry (cache ${r.adminDirectory.dataCacheSeconds} s)`, `page p50/p95 ${r.adminDirectory.pageP50Ms}/${r.adminDirectory.pageP95Ms} ms, members API ${r.adminDirectory.apiP50Ms}/${r.adminDirectory.apiP95Ms} ms`],
    ['   slowest request after warm-up', `${r.adminDirectory.maxMs} ms; ${r.adminDirectory.over200Ms} of ${r.adminDirectory.requests} over 200 ms; ${r.adminDirectory.rebuilds} background rebuilds`],
    ...nameOnScreenRows('9. name on screen, Chromium phone, cache in memory', r.nameOnScreen.memory),
    ...nameOnScreenRows('   the same with the cache in Redis', r.nameOnScreen.redis),
    ...hugeRows(r.hugeDirectory),
    [
      `11. soak, ${soak.seconds} s, ${soak.clients} clients: live heap after GC`,
      `${soak.heapUsedBeforeMiB} -> ${soak.heapUsedAfterMiB} MiB (second half ${soak.heapUsedSecondHalfGrowthMiB >= 0 ? '+' : ''}${soak.heapUsedSecondHalfGrowthMiB}); RSS ${mib(soak.rssBeforeMiB)} -> ${mib(soak.rssAfterMiB)} MiB`,
      'no growth',
    ],
    ['   what the soak did', `${soak.signIns} sign-ins, ${soak.views} profile views, ${soak.signOuts} sign-outs, ${soak.failed} failed`],
    ['   spent states and revocations kept', `${soak.storeLifetimeSeconds} s, shorter than the warm-up: their count was already steady`],
  ];
  const width = Math.max(...rows.map(([figure]) => figure.length));
  const valueWidth = Math.min(70, Math.max(...rows.map(([, value]) => value.length)));
  const lines = rows.map(([figure, value, goal]) => `${figure.padEnd(width)}  ${goal ? `${value.padEnd(valueWidth)}  goal ${goal}` : value}`);
  const unexpected = [tp.profile, tp.staticPage, tp.sessionCheck.checked, tp.sessionCheck.unchecked, x.profileViaRedis].reduce((n, l) => n + l.unexpected, 0);
  const header =
    `wecom-portal benchmark, ${r.startedAt.slice(0, 10)}: ${r.environment.cpus} x ${r.environment.cpuModel}, Node ${r.environment.node}\n` +
    `mock latency ${r.settings.mockLatencyMs} ms per call; load runs ${r.settings.loadSeconds} s x ${r.settings.connections} connections (autocannon, same machine)`;
  const footer = unexpected > 0 ? `\nwarning: ${unexpected} load-run answers had an unexpected status or failed` : '';
  return `${header}\n\n${lines.join('\n')}${footer}`;
}

export function writeJson(root: string, results: BenchResults): string {
  const dir = path.join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bench.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
