import autocannon from 'autocannon';
import { sealSession, unsealSession } from '@/lib/auth/session-seal';
import { round } from './stats';

/** A fixed-length run of autocannon against one URL, after a short warm-up that is not counted. */
export interface LoadFigures {
  url: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  /** Answers with another status than the one expected, plus connection errors and timeouts. */
  unexpected: number;
}

export interface LoadOptions {
  cookie?: string;
  durationSeconds: number;
  connections: number;
  expectStatus?: 200 | 404;
}

export async function measureLoad(url: string, options: LoadOptions): Promise<LoadFigures> {
  const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {};
  await autocannon({ url, connections: options.connections, amount: options.connections * 30, headers });
  const result = await autocannon({ url, connections: options.connections, duration: options.durationSeconds, headers });
  const expected = options.expectStatus === 404 ? result['4xx'] : result['2xx'];
  return {
    url: new URL(url).pathname,
    requestsPerSecond: round(result.requests.average, 0),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    unexpected: result.requests.total - expected + result.errors + result.timeouts,
  };
}

/**
 * Two pages' throughput, side by side: first a warm-up of each as long as a measured run
 * (V8 compiles a page's hot paths over its first few thousand requests; a page measured
 * colder than the other would lose for that alone), then short runs that alternate, so that
 * a neighbour's burst of CPU use hits both alike.
 */
export async function compareLoads(
  first: { url: string; options: LoadOptions },
  second: { url: string; options: LoadOptions },
  durationSeconds: number,
  rounds = 4,
): Promise<[LoadFigures, LoadFigures]> {
  for (const page of [first, second]) await measureLoad(page.url, { ...page.options, durationSeconds });
  const short = (options: LoadOptions) => ({ ...options, durationSeconds: Math.max(1, durationSeconds / rounds) });
  const firstRuns: LoadFigures[] = [];
  const secondRuns: LoadFigures[] = [];
  for (let i = 0; i < rounds; i++) {
    firstRuns.push(await measureLoad(first.url, short(first.options)));
    secondRuns.push(await measureLoad(second.url, short(second.options)));
  }
  return [combine(firstRuns), combine(secondRuns)];
}

/**
 * What the proxy's session check costs. Over HTTP: the same 404 page asked for at a path
 * the proxy checks (`/bench-missing`) and at a public path it lets through unchecked
 * (`/signed-out/bench-missing`), both with the cookie; with the server saturated, the
 * difference of 1/throughput is the server time the check adds to each request. On a
 * shared machine this difference is still the noisiest figure. In-process: unsealing the
 * cookie alone, the check's own work, as elapsed time and as CPU time.
 */
export async function measureSessionCheck(appUrl: string, cookie: string, options: LoadOptions) {
  const asked = { ...options, cookie, expectStatus: 404 as const };
  const [checked, unchecked] = await compareLoads(
    { url: `${appUrl}/bench-missing`, options: asked },
    { url: `${appUrl}/signed-out/bench-missing`, options: asked },
    options.durationSeconds,
  );
  const perRequestMs = 1000 / checked.requestsPerSecond - 1000 / unchecked.requestsPerSecond;
  return { checked, unchecked, perRequestMs: round(perRequestMs, 2), unseal: await timeUnseal() };
}

/** Runs of equal length against one URL, as one: mean throughput, worst latencies. */
function combine(runs: LoadFigures[]): LoadFigures {
  return {
    url: runs[0].url,
    requestsPerSecond: round(runs.reduce((n, r) => n + r.requestsPerSecond, 0) / runs.length, 0),
    latencyP50Ms: Math.max(...runs.map((r) => r.latencyP50Ms)),
    latencyP99Ms: Math.max(...runs.map((r) => r.latencyP99Ms)),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    unexpected: runs.reduce((n, r) => n + r.unexpected, 0),
  };
}

async function timeUnseal(): Promise<{ elapsedMicroseconds: number; cpuMicroseconds: number }> {
  // A cookie of the same shape and size as the app's, sealed here because the app's secret stays in the app.
  const secret = 'bench-only-secret-bench-only-secret-0123456789';
  const sealed = await sealSession({ sid: 'bench-session-0001', userid: 'bench.user', signedInAt: Date.now(), via: 'browser' }, secret, 28_800);
  const rounds = 2000;
  for (let i = 0; i < 200; i++) await unsealSession(sealed, secret, 28_800);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    if (!(await unsealSession(sealed, secret, 28_800))) throw new Error('the benchmark session did not unseal');
  }
  const elapsedMs = performance.now() - started;
  // Process-wide, so it includes the WebCrypto work done on libuv's threads.
  const cpu = process.cpuUsage(cpuBefore);
  return {
    elapsedMicroseconds: round((elapsedMs * 1000) / rounds, 0),
    cpuMicroseconds: round((cpu.user + cpu.system) / rounds, 0),
  };
}
