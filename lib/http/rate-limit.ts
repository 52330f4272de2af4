import 'server-only';
import { NextResponse } from 'next/server';
import { RLWrapperTimeouts, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getRedisClient } from '@/lib/cache';
import { cacheKeys } from '@/lib/cache/keys';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';

/**
 * Per-client limits on what costs WeCom quota or a full directory read. With REDIS_URL the
 * counters are shared by every instance; when Redis fails or takes over 250 ms, each instance
 * counts in its own memory meanwhile (the insurance limiter), so an outage never blocks a
 * sign-in. rate-limiter-flexible does the counting.
 */
export type LimitName = 'sign_in' | 'admin_refresh';

/** An admin's "Refresh" reads the whole directory from WeCom: a few a minute is plenty. */
export const ADMIN_REFRESHES_PER_MINUTE = 6;

const limiters = new Map<LimitName, RateLimiterAbstract>();

function limiter(name: LimitName): RateLimiterAbstract {
  let existing = limiters.get(name);
  if (existing) return existing;
  const points = name === 'sign_in' ? getConfig().signInRateLimit : ADMIN_REFRESHES_PER_MINUTE;
  const options = { points, duration: 60, keyPrefix: cacheKeys.rateLimit(name) };
  const memory = new RateLimiterMemory(options);
  const redis = getRedisClient();
  existing = redis
    ? new RLWrapperTimeouts({
        limiter: new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true }),
        timeoutMs: 250,
        insuranceLimiter: memory,
      })
    : memory;
  limiters.set(name, existing);
  return existing;
}

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt by `who` (a client address, an admin's userid). */
export async function consumeLimit(name: LimitName, who: string): Promise<LimitVerdict> {
  try {
    await limiter(name).consume(who);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      // The address is not logged: the count of refusals is what an operator needs.
      log.warn('rate_limit.exceeded', { limit: name, retryAfterSeconds });
      return { allowed: false, retryAfterSeconds };
    }
    // Neither Redis nor memory could count: let the request through rather than lock everyone out.
    log.warn('rate_limit.unavailable', { limit: name });
    return { allowed: true };
  }
}

export function tooManyRequestsJson(verdict: { retryAfterSeconds: number }, message: string): NextResponse {
  return NextResponse.json(
    { error: 'rate_limited', retryAfterSeconds: verdict.retryAfterSeconds, message },
    { status: 429, headers: { 'retry-after': String(verdict.retryAfterSeconds), 'cache-control': 'no-store' } },
  );
}
