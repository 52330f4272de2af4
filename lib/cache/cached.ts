import type { CacheObserver } from '@/lib/metrics/observers';
import type { CacheStore } from './store';

/**
 * Reuses a JSON value for `ttlSeconds`, so repeated page views within that time cost
 * WeCom nothing. Concurrent misses for one key in this process share one load.
 */
const loading = new Map<string, Promise<unknown>>();

export async function cachedJson<T>(
  store: CacheStore,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
  observed?: { cache: string; observer: CacheObserver },
): Promise<T> {
  if (ttlSeconds > 0) {
    const hit = await store.get(key);
    observed?.observer.read(observed.cache, hit !== null);
    if (hit !== null) return JSON.parse(hit) as T;
  }
  const inflight = loading.get(key) as Promise<T> | undefined;
  if (inflight) return inflight;
  const promise = (async () => {
    const value = await load();
    if (ttlSeconds > 0) await store.set(key, JSON.stringify(value), ttlSeconds);
    return value;
  })().finally(() => loading.delete(key));
  loading.set(key, promise);
  return promise;
}
