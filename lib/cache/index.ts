import 'server-only';
import { MemoryStore, type CacheStore } from './store';

/**
 * The process's cache store. Kept on globalThis because Next may load this module
 * more than once (proxy and route bundles, dev reloads) and they must share one cache.
 */
export function getCacheStore(): CacheStore {
  const holder = globalThis as { __wecomCacheStore?: CacheStore };
  holder.__wecomCacheStore ??= new MemoryStore();
  return holder.__wecomCacheStore;
}
