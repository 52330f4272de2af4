import type { mockControl } from '@/mock/control-client';
import { measureLoad, type LoadOptions } from './load';
import { signIn, signInBurst } from './sign-in';
import { upstreamCallsOf, viewProfile } from './upstream-calls';

type MockControl = ReturnType<typeof mockControl>;

/** Figure 2: a burst of cold sign-ins over two instances sharing Redis, and what Redis costs a page view. */
export async function measureScaleOut(appUrls: string[], mock: MockControl, burst: number, load: LoadOptions, userid: string) {
  await mock.reset({ keepTokens: false });
  await mock.setIdentity({ userid });
  let result = { ok: 0, failed: [] as string[] };
  const calls = await upstreamCallsOf(mock, async () => {
    result = await signInBurst(appUrls, burst);
  });

  // The profile page when its data comes from Redis rather than the process's memory.
  const { cookie } = await signIn(appUrls[0]);
  await viewProfile(appUrls[0], cookie);
  const profileViaRedis = await measureLoad(`${appUrls[0]}/`, { ...load, cookie });

  return {
    instances: appUrls.length,
    coldSignIns: burst,
    signedIn: result.ok,
    failures: result.failed.slice(0, 5),
    gettoken: calls.gettoken ?? 0,
    byApi: calls,
    profileViaRedis,
  };
}
