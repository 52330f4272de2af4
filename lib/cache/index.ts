import 'server-only';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { RedisStore } from './redis-store';
import { ResilientStore } from './resilient-store';
import { MemoryStore, type CacheStore } from './store';

/**
 * The process's cache store: Redis (with memory to fall back on) when REDIS_URL is set,
 * so several instances share one access token; memory alone otherwise.
 * Kept on globalThis because Next may load this module more than once (proxy and route
 * bundles, dev reloads) and they must share one cache and one Redis connection.
 */
export function getCacheStore(): CacheStore {
  const holder = globalThis as { __wecomCacheStore?: CacheStore };
  holder.__wecomCacheStore ??= createCacheStore(getConfig().redisUrl);
  return holder.__wecomCacheStore;
}

/** The shared Redis connection, for what needs more than get/set (rate limits); null without REDIS_URL. */
export function getRedisClient(): RedisStore['client'] | null {
  return redisOf(getCacheStore())?.client ?? null;
}

/**
 * The store's Redis, when it has one. Not `instanceof ResilientStore`: the store on
 * globalThis may have been made by another bundle's copy of that class (Next builds this
 * module into several chunks), and then `instanceof` is false although Redis is there:
 * the sign-in limits counted per instance instead of across all of them.
 */
export function redisOf(store: CacheStore): RedisStore | null {
  const redis = (store as Partial<ResilientStore>).redis;
  return redis && typeof redis.isReady === 'function' ? redis : null;
}

function createCacheStore(redisUrl: string | undefined): CacheStore {
  if (!redisUrl) return new MemoryStore();
  // The URL is not logged: it may carry a password.
  log.info('cache.store_selected', { store: 'redis', fallback: 'in-process cache' });
  return new ResilientStore(new RedisStore(redisUrl));
}
