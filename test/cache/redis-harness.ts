import { vi } from 'vitest';
import { RedisStore } from '@/lib/cache/redis-store';
import { ResilientStore } from '@/lib/cache/resilient-store';
import { clientFor } from '../support/client-under-test';

/**
 * What one app instance holds: its own Redis connection, memory fallback and WeCom client.
 * Two of these on one Redis stand in for two processes behind a load balancer.
 */
export function instanceOf(mockUrl: string, redisUrl: string, overrides: Parameters<typeof clientFor>[1] = {}) {
  const redis = new RedisStore(redisUrl);
  const store = new ResilientStore(redis, { retryAfterMs: 200 });
  const client = clientFor(mockUrl, { store, ...overrides });
  return { redis, store, client, close: () => redis.close() };
}

/** The structured log lines written while a test runs, by event name. */
export function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const keep = (...args: unknown[]) => {
    try {
      lines.push(JSON.parse(String(args[0])) as Record<string, unknown>);
    } catch {
      // not one of ours
    }
  };
  const spies = (['log', 'warn', 'error'] as const).map((method) => vi.spyOn(console, method).mockImplementation(keep));
  return {
    events: (name: string) => lines.filter((line) => line.event === name),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}
