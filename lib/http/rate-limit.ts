import 'server-only';
import { NextResponse } from 'next/server';
import { getRedisClient } from '@/lib/cache';
import { cacheKeys } from '@/lib/cache/keys';
import { getConfig } from '@/lib/config';
import { createLimiter, type Limiter, type LimitVerdict } from './limiter';

/** This deployment's limits: code exchanges per client address, admins' full directory reads, admins' setup checks. */
export type LimitName = 'sign_in' | 'admin_refresh' | 'setup_check';

/** An admin's "Refresh" reads the whole directory from WeCom: a few a minute is plenty. */
export const ADMIN_REFRESHES_PER_MINUTE = 6;

/** Each setup check asks WeCom for a fresh token and a few answers: enough for "check again" after each console change. */
export const SETUP_CHECKS_PER_MINUTE = 10;

const POINTS: Record<Exclude<LimitName, 'sign_in'>, number> = { admin_refresh: ADMIN_REFRESHES_PER_MINUTE, setup_check: SETUP_CHECKS_PER_MINUTE };

const limiters = new Map<LimitName, Limiter>();

export function consumeLimit(name: LimitName, who: string): Promise<LimitVerdict> {
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = createLimiter({
      name,
      points: name === 'sign_in' ? getConfig().signInRateLimit : POINTS[name],
      durationSeconds: 60,
      keyPrefix: cacheKeys.rateLimit(name),
      redis: getRedisClient(),
    });
    limiters.set(name, limiter);
  }
  return limiter.consume(who);
}

export function tooManyRequestsJson(verdict: { retryAfterSeconds: number }, message: string): NextResponse {
  return NextResponse.json(
    { error: 'rate_limited', retryAfterSeconds: verdict.retryAfterSeconds, message },
    { status: 429, headers: { 'retry-after': String(verdict.retryAfterSeconds), 'cache-control': 'no-store' } },
  );
}
