import type { CacheObserver } from '@/lib/metrics/observers';
import type { CacheStore } from './store';

/**
 * Reuses a JSON value for `ttlSeconds`, so repeated page views within that time cost
 * WeCom nothing. Concurrent misses for one key in this process share one load.
 */
const loading = new Map<string, Promise<unknown>>();

/**
 * The last large value parsed, per key. A 100,000-member company's department list is about
 * 200 KB of JSON, 1 ms to parse, and every profile view reads it: while the stored text is
 * the same (the memory store hands back the very same string; Redis an equal one, compared
 * far faster than parsed) the parsed value is reused. Small values (one member) are not kept:
 * there are many of them and they parse in microseconds. Values are shared, so read-only.
 */
const LARGE_TEXT = 16 * 1024;
const MAX_KEPT = 16;
const parsedLarge = new Map<string, { text: string; value: unknown }>();

function parseStored(key: string, text: string): unknown {
  if (text.length < LARGE_TEXT) return JSON.parse(text);
  const kept = parsedLarge.get(key);
  if (kept?.text === text) return kept.value;
  const value: unknown = JSON.parse(text);
  parsedLarge.delete(key);
  parsedLarge.set(key, { text, value });
  if (parsedLarge.size > MAX_KEPT) parsedLarge.delete(parsedLarge.keys().next().value!);
  return value;
}

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
    if (hit !== null) return parseStored(key, hit) as T;
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
