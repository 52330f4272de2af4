import 'server-only';
import { log } from '@/lib/log';
import type { RedisStore } from './redis-store';
import { MemoryStore, type CacheStore } from './store';

export interface ResilientStoreOptions {
  /** After a failure, how long to serve from memory before trying Redis again. */
  retryAfterMs?: number;
  now?: () => number;
}

/**
 * Redis when it answers, this process's memory when it does not. A Redis outage costs
 * each instance its share of the cross-instance savings (it may fetch its own token),
 * never a request: every failed or slow command is answered from memory instead.
 *
 * Memory also keeps a copy of what this instance read from and wrote to Redis, with the
 * same expiry, so the token and data it was using stay usable through an outage.
 * One warning marks the start of an outage and one info line its end.
 */
/**
 * Larger values are not copied to memory: they are the admin directory's parts (up to a
 * megabyte each, a dozen at 100,000 members), which the directory already keeps parsed in
 * this process and serves from there through an outage. A copy would only double its memory.
 */
const MAX_COPIED_LENGTH = 256 * 1024;

export class ResilientStore implements CacheStore {
  readonly memory = new MemoryStore();
  private outage: { since: number; retryAt: number } | null = null;
  private readonly retryAfterMs: number;
  private readonly now: () => number;

  constructor(
    /** Also used directly by what needs Redis's own commands (rate limits). */
    readonly redis: RedisStore,
    options: ResilientStoreOptions = {},
  ) {
    this.retryAfterMs = options.retryAfterMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Ends the Redis connection (shutdown): commands sent so far are answered first. */
  async close(): Promise<void> {
    await this.redis.client.quit();
  }

  /** True while Redis is being bypassed. */
  get degraded(): boolean {
    return this.outage !== null;
  }

  get(key: string): Promise<string | null> {
    return this.attempt(
      async (redis) => {
        const hit = await redis.getWithTtl(key);
        if (!hit) return null;
        if (hit.value.length <= MAX_COPIED_LENGTH) await this.memory.set(key, hit.value, hit.ttlMs / 1000);
        return hit.value;
      },
      (memory) => memory.get(key),
    );
  }

  set(key: string, value: string, ttlSeconds: number): Promise<void> {
    if (value.length <= MAX_COPIED_LENGTH) void this.memory.set(key, value, ttlSeconds);
    else void this.memory.delete(key);
    return this.attempt(
      (redis) => redis.set(key, value, ttlSeconds),
      async () => {},
    );
  }

  delete(key: string): Promise<void> {
    void this.memory.delete(key);
    return this.attempt(
      (redis) => redis.delete(key),
      async () => {},
    );
  }

  // Locks are not copied to memory: a local copy of another instance's claim would only block this one.
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    return this.attempt(
      (redis) => redis.setIfAbsent(key, value, ttlSeconds),
      (memory) => memory.setIfAbsent(key, value, ttlSeconds),
    );
  }

  deleteIfEquals(key: string, value: string): Promise<boolean> {
    return this.attempt(
      async (redis) => {
        await this.memory.deleteIfEquals(key, value);
        return redis.deleteIfEquals(key, value);
      },
      (memory) => memory.deleteIfEquals(key, value),
    );
  }

  // The memory copy follows what Redis holds, so an outage starts from the newest value seen.
  raiseTo(key: string, value: number, ttlSeconds: number): Promise<number> {
    return this.attempt(
      async (redis) => {
        const held = await redis.raiseTo(key, value, ttlSeconds);
        await this.memory.raiseTo(key, held, ttlSeconds);
        return held;
      },
      (memory) => memory.raiseTo(key, value, ttlSeconds),
    );
  }

  private async attempt<T>(onRedis: (redis: RedisStore) => Promise<T>, onMemory: (memory: MemoryStore) => Promise<T>): Promise<T> {
    if (!this.shouldTryRedis()) return onMemory(this.memory);
    try {
      const result = await onRedis(this.redis);
      this.redisAnswered();
      return result;
    } catch (error) {
      this.redisFailed(error);
      return onMemory(this.memory);
    }
  }

  /** During an outage Redis is tried again once the back-off has passed and ioredis has reconnected. */
  private shouldTryRedis(): boolean {
    if (!this.outage) return true;
    const now = this.now();
    if (now < this.outage.retryAt) return false;
    if (!this.redis.isReady()) {
      this.outage.retryAt = now + this.retryAfterMs;
      return false;
    }
    return true;
  }

  private redisFailed(error: unknown) {
    const now = this.now();
    if (this.outage) {
      this.outage.retryAt = now + this.retryAfterMs;
      return;
    }
    this.outage = { since: now, retryAt: now + this.retryAfterMs };
    log.warn('cache.redis_unavailable', {
      reason: error instanceof Error ? error.message : String(error),
      fallback: 'in-process cache',
      retryAfterMs: this.retryAfterMs,
    });
  }

  private redisAnswered() {
    if (!this.outage) return;
    log.info('cache.redis_available', { unavailableForMs: this.now() - this.outage.since });
    this.outage = null;
  }
}
