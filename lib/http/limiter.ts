import type { Redis } from 'ioredis';
import { RLWrapperTimeouts, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { log } from '@/lib/log';

/**
 * One rate limit, counted by rate-limiter-flexible: in Redis when a connection is given, so
 * every instance shares the counts; when Redis fails or takes longer than `redisTimeoutMs`,
 * each instance counts in its own memory meanwhile (the insurance limiter), so an outage
 * never blocks a request.
 */
export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface Limiter {
  /** Counts one attempt by `who` (a client address, an admin's userid). */
  consume(who: string): Promise<LimitVerdict>;
}

export interface LimiterOptions {
  /** For logs and metric labels. */
  name: string;
  points: number;
  durationSeconds: number;
  keyPrefix: string;
  redis?: Redis | null;
  redisTimeoutMs?: number;
}

export function createLimiter(o: LimiterOptions): Limiter {
  const options = { points: o.points, duration: o.durationSeconds, keyPrefix: o.keyPrefix };
  const memory = new RateLimiterMemory(options);
  const counter: RateLimiterAbstract = o.redis
    ? new RLWrapperTimeouts({
        limiter: new RateLimiterRedis({ ...options, storeClient: o.redis, rejectIfRedisNotReady: true }),
        timeoutMs: o.redisTimeoutMs ?? 250,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    async consume(who) {
      try {
        await counter.consume(who);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
          // Who it was is not logged: the count of refusals is what an operator needs.
          log.warn('rate_limit.exceeded', { limit: o.name, retryAfterSeconds });
          return { allowed: false, retryAfterSeconds };
        }
        // Neither Redis nor memory could count: let the request through rather than lock everyone out.
        log.warn('rate_limit.unavailable', { limit: o.name });
        return { allowed: true };
      }
    },
  };
}
