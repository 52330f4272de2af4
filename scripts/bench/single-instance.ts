import type { mockControl } from '@/mock/control-client';
import { compareLoads, measureSessionCheck, type LoadOptions } from './load';
import { signIn } from './sign-in';
import { percentile, round, sum } from './stats';
import { upstreamCallsOf, viewProfile, visibleMembers } from './upstream-calls';
import { weComRoundTrip } from './wecom-round-trip';

type MockControl = ReturnType<typeof mockControl>;

export interface SingleInstanceSetup {
  appUrl: string;
  mockUrl: string;
  mock: MockControl;
  latencyMs: number;
  callbackSamples: number;
  load: LoadOptions;
}

/** Figures 1, 3, 4 and 5: what a sign-in and a page view cost on one instance (the default, no Redis). */
export async function measureSingleInstance(setup: SingleInstanceSetup) {
  const { appUrl, mock } = setup;
  const members = await visibleMembers(setup.mockUrl);
  await mock.reset({ keepTokens: false });

  // 1. Upstream calls: the first login after start (token and caches cold), then logins of other members.
  const [first, ...others] = members;
  await mock.setIdentity({ userid: first });
  let firstSession = '';
  const firstLogin = await upstreamCallsOf(mock, async () => {
    firstSession = (await signIn(appUrl)).cookie;
    await viewProfile(appUrl, firstSession);
  });
  const warmMembers = others.slice(0, 10);
  const warmLogins = await upstreamCallsOf(mock, async () => {
    for (const userid of warmMembers) {
      await mock.setIdentity({ userid });
      await viewProfile(appUrl, (await signIn(appUrl)).cookie);
    }
  });
  const repeatViews = 10;
  const repeatViewCalls = await upstreamCallsOf(mock, async () => {
    for (let i = 0; i < repeatViews; i++) await viewProfile(appUrl, firstSession);
  });

  // 3. Callback latency, sign-ins one after another with a warm token.
  await mock.setIdentity({ userid: first });
  const samples: number[] = [];
  let session = { cookie: '', sessionBytes: 0, setCookieBytes: 0 };
  const callbackCalls = await upstreamCallsOf(mock, async () => {
    for (let i = 0; i < setup.callbackSamples; i++) {
      const signedIn = await signIn(appUrl);
      samples.push(signedIn.callbackMs);
      session = signedIn;
    }
  });
  const callsPerCallback = sum(callbackCalls) / setup.callbackSamples;
  // The WeCom part of the callback's time, as a plain client waits for it; the rest is the app's.
  const roundTrip = await weComRoundTrip(setup.mockUrl, first);
  const upstreamMs = callsPerCallback * roundTrip.p50Ms;
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);

  // 4. Throughput: the authenticated profile page against a page that needs neither session nor WeCom.
  await viewProfile(appUrl, firstSession);
  const [profile, staticPage] = await compareLoads(
    { url: `${appUrl}/`, options: { ...setup.load, cookie: firstSession } },
    { url: `${appUrl}/signed-out`, options: setup.load },
    setup.load.durationSeconds,
  );
  const sessionCheck = await measureSessionCheck(appUrl, firstSession, setup.load);

  return {
    upstreamCalls: {
      firstLoginWithPage: { total: sum(firstLogin), byApi: firstLogin },
      loginWithPagePerMember: {
        members: warmMembers.length,
        average: round(sum(warmLogins) / warmMembers.length, 2),
        byApi: perLogin(warmLogins, warmMembers.length),
      },
      repeatProfileView: { views: repeatViews, average: sum(repeatViewCalls) / repeatViews, byApi: repeatViewCalls },
    },
    callbackLatency: {
      samples: samples.length,
      p50Ms: p50,
      p95Ms: p95,
      upstreamCallsPerCallback: round(callsPerCallback, 2),
      mockLatencyMs: setup.latencyMs,
      weComRoundTrip: roundTrip,
      appAddedP50Ms: round(p50 - upstreamMs),
      appAddedP95Ms: round(p95 - upstreamMs),
    },
    throughput: {
      profile,
      staticPage,
      ratio: round(profile.requestsPerSecond / staticPage.requestsPerSecond, 2),
      sessionCheck,
    },
    sessionCookie: { valueBytes: session.sessionBytes, cookieHeaderBytes: Buffer.byteLength(session.cookie), setCookieBytes: session.setCookieBytes },
  };
}

function perLogin(calls: Record<string, number>, logins: number): Record<string, number> {
  return Object.fromEntries(Object.entries(calls).map(([api, n]) => [api, round(n / logins, 2)]));
}
