import type { AppServer } from '@/harness/app-server';
import { heapAfterGc, residentMiB, type HeapReport } from './process-memory';
import { signIn } from './sign-in';
import { round } from './stats';
import { viewProfile } from './upstream-calls';

export interface SoakSetup {
  app: AppServer;
  pid: number;
  seconds: number;
  clients: number;
  /** A heap reading every this many seconds, to show whether it levels off. */
  everySeconds: number;
  /** The instance's session and sign-in state lifetimes: the warm-up lasts longer, so their entries have reached a steady count. */
  storeLifetimeSeconds: number;
}

/**
 * Memory over a long run of ordinary use: `clients` browsers at once, each signing in,
 * viewing its profile three times and signing out, again and again. The live heap after a
 * full collection is read before, during and after; the resident size too. A leak shows as
 * a live heap that keeps rising; garbage V8 has not yet collected does not count. Neither do
 * the entries the store keeps on purpose until they expire (spent states, revocations): the
 * warm-up outlasts their lifetime, so their count no longer changes once readings start.
 */
export async function measureSoak(setup: SoakSetup) {
  const { app } = setup;
  const counts = { signIns: 0, views: 0, signOuts: 0, failed: 0 };
  const cycle = async () => {
    const { cookie } = await signIn(app.url);
    counts.signIns += 1;
    for (let i = 0; i < 3; i++) {
      await viewProfile(app.url, cookie);
      counts.views += 1;
    }
    const out = await fetch(`${app.url}/auth/sign-out`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: app.url } });
    await out.body?.cancel();
    if (out.status !== 303) throw new Error(`sign-out answered ${out.status}`);
    counts.signOuts += 1;
  };
  const runFor = async (seconds: number) => {
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: setup.clients }, async () => {
        while (performance.now() < until) {
          try {
            await cycle();
          } catch {
            counts.failed += 1;
          }
        }
      }),
    );
  };

  // Warm-up first: compiled code, caches, pools and the store's expiring entries are not a leak.
  await runFor(setup.storeLifetimeSeconds + 30);
  const readings: (HeapReport & { atSeconds: number })[] = [{ atSeconds: 0, ...(await heapAfterGc(app, setup.pid)) }];
  const rssBefore = residentMiB(setup.pid);
  Object.assign(counts, { signIns: 0, views: 0, signOuts: 0, failed: 0 });
  const started = performance.now();
  for (let elapsed = 0; elapsed < setup.seconds; ) {
    const step = Math.min(setup.everySeconds, setup.seconds - elapsed);
    await runFor(step);
    elapsed += step;
    readings.push({ atSeconds: round((performance.now() - started) / 1000, 0), ...(await heapAfterGc(app, setup.pid)) });
  }
  const first = readings[0];
  const last = readings[readings.length - 1];
  const middle = readings[Math.floor(readings.length / 2)];
  return {
    seconds: setup.seconds,
    clients: setup.clients,
    storeLifetimeSeconds: setup.storeLifetimeSeconds,
    ...counts,
    heapUsedBeforeMiB: first.heapUsedMiB,
    heapUsedAfterMiB: last.heapUsedMiB,
    /** The second half alone, should the first still hold a slow start. */
    heapUsedSecondHalfGrowthMiB: round(last.heapUsedMiB - middle.heapUsedMiB),
    rssBeforeMiB: rssBefore,
    rssAfterMiB: residentMiB(setup.pid),
    readings: readings.map((r) => ({ atSeconds: r.atSeconds, heapUsedMiB: r.heapUsedMiB, rssMiB: r.rssMiB })),
  };
}
