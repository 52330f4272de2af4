import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { measureAdminAcrossExpiry } from './admin-expiry';
import type { measureEvents } from './events';
import type { NameOnScreen } from './name-on-screen';
import type { measureScaleOut } from './scale-out';
import type { measureSingleInstance } from './single-instance';

export interface BenchResults {
  command: string;
  startedAt: string;
  environment: { node: string; cpus: number; cpuModel: string; platform: string };
  settings: { mockLatencyMs: number; loadSeconds: number; connections: number; callbackSamples: number; burst: number; adminSeconds: number; browserLoads: number; dataCacheSeconds: number };
  single: Awaited<ReturnType<typeof measureSingleInstance>>;
  events: Awaited<ReturnType<typeof measureEvents>>;
  adminDirectory: Awaited<ReturnType<typeof measureAdminAcrossExpiry>>;
  nameOnScreen: { memory: NameOnScreen; redis: NameOnScreen };
  scaleOut: Awaited<ReturnType<typeof measureScaleOut>>;
  peakMemoryMiB: { single?: number; scaleOut: (number | undefined)[]; redisServer?: number };
}

const calls = (byApi: Record<string, number>) =>
  Object.entries(byApi)
    .map(([api, n]) => `${api} ${n}`)
    .join(', ') || 'none';
const mib = (value: number | undefined) => (value === undefined ? 'n/a' : `${value} MiB`);

function nameOnScreenRows(title: string, n: NameOnScreen): [string, string][] {
  return [
    [`${title}, p50 / p95 (n=${n.loads} each)`, `signed-out page ${n.signedOutP50Ms} / ${n.signedOutP95Ms} ms`],
    ['   cached profile (repeat view)', `${n.cachedProfileP50Ms} / ${n.cachedProfileP95Ms} ms: ${n.cachedProfileRatio}x the signed-out page (p95); skeleton first in ${n.skeletonShown} loads`],
    ['   in-app open with sign-in', `${n.inAppSignInP50Ms} / ${n.inAppSignInP95Ms} ms: ${n.inAppSignInRatio}x the signed-out page (p95)`],
  ];
}

/** The figures as a table for the terminal (and the README), in the order. */
export function formatTable(r: BenchResults): string {
  const { single: s, scaleOut: x } = r;
  const up = s.upstreamCalls;
  const lat = s.callbackLatency;
  const tp = s.throughput;
  const rows: [string, string][] = [
    ['1. upstream calls: first login + page (cold)', `${up.firstLoginWithPage.total} (${calls(up.firstLoginWithPage.byApi)})`],
    [`   per login + page, next ${up.loginWithPagePerMember.members} members`, `${up.loginWithPagePerMember.average} (${calls(up.loginWithPagePerMember.byApi)})`],
    [`   per repeat profile view (< ${r.settings.dataCacheSeconds} s)`, `${up.repeatProfileView.average} (${up.repeatProfileView.views} views: ${calls(up.repeatProfileView.byApi)})`],
    [`2. gettoken, ${x.coldSignIns} concurrent cold logins`, `${x.gettoken} (limit 1) over ${x.instances} instances + Redis; ${x.signedIn}/${x.coldSignIns} signed in`],
    [`3. callback latency p50 / p95 (n=${lat.samples})`, `${lat.p50Ms} / ${lat.p95Ms} ms`],
    [`   minus mock latency (${lat.upstreamCallsPerCallback} call x ${lat.mockLatencyMs} ms)`, `${lat.appAddedP50Ms} / ${lat.appAddedP95Ms} ms added by the app`],
    ['4. profile page, authenticated', `${tp.profile.requestsPerSecond} req/s (p50 ${tp.profile.latencyP50Ms} ms)`],
    ['   static page /signed-out', `${tp.staticPage.requestsPerSecond} req/s (p50 ${tp.staticPage.latencyP50Ms} ms)`],
    ['   ratio profile / static', `${tp.ratio}`],
    ['   proxy session check', `${tp.sessionCheck.perRequestMs} ms server time/request (HTTP difference); unseal ${tp.sessionCheck.unseal.cpuMicroseconds} µs CPU, ${tp.sessionCheck.unseal.elapsedMicroseconds} µs elapsed`],
    ['   profile page, data from Redis', `${x.profileViaRedis.requestsPerSecond} req/s (p50 ${x.profileViaRedis.latencyP50Ms} ms)`],
    ['5. session cookie', `${s.sessionCookie.valueBytes} bytes value; ${s.sessionCookie.setCookieBytes} bytes Set-Cookie`],
    ['6. peak memory (VmHWM) of the app', `one instance ${mib(r.peakMemoryMiB.single)}; with Redis ${r.peakMemoryMiB.scaleOut.map(mib).join(' / ')}`],
    [`7. event answered p50 / p95 (n=${r.events.deliveries})`, `${r.events.answeredP50Ms} / ${r.events.answeredP95Ms} ms`],
    [`   change in WeCom -> page shows it, p50 / p95 (n=${r.events.changes})`, `${r.events.changeToFreshPageP50Ms} / ${r.events.changeToFreshPageP95Ms} ms (profile cached 600 s)`],
    [`8. /admin, 20,000 members, cold build`, `${r.adminDirectory.coldBuildMs} ms (warm-up)`],
    [`   then ${r.adminDirectory.seconds} s across expiry (cache ${r.adminDirectory.dataCacheSeconds} s)`, `page p50/p95 ${r.adminDirectory.pageP50Ms}/${r.adminDirectory.pageP95Ms} ms, members API ${r.adminDirectory.apiP50Ms}/${r.adminDirectory.apiP95Ms} ms`],
    ['   slowest request after warm-up', `${r.adminDirectory.maxMs} ms; ${r.adminDirectory.over200Ms} of ${r.adminDirectory.requests} over 200 ms; ${r.adminDirectory.rebuilds} background rebuilds`],
    ...nameOnScreenRows('9. name on screen, Chromium phone, cache in memory', r.nameOnScreen.memory),
    ...nameOnScreenRows('   the same with the cache in Redis', r.nameOnScreen.redis),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
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
