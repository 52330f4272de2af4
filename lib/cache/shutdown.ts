import { log } from '@/lib/log';

/**
 * Closes the cache store's Redis connection on shutdown, when one was opened. Loaded from
 * instrumentation.ts, whose bundle holds other copies of the store classes than the app's:
 * so it asks the process's store (lib/cache/index.ts keeps it on globalThis) to close itself.
 */
export async function closeCacheStore(): Promise<void> {
  const store = (globalThis as { __wecomCacheStore?: { close?: () => Promise<void> } }).__wecomCacheStore;
  if (!store?.close) return;
  await store.close();
  log.info('shutdown.redis_closed');
}
