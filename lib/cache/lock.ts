import { randomUUID } from 'node:crypto';
import type { CacheStore } from './store';

/**
 * A lock in the cache store, for work that only one instance should do at a time.
 * It expires by itself, so a holder that dies frees it after `ttlSeconds`, and it is
 * released only by its owner: a holder that outlived its lock cannot free a successor's.
 */
export interface HeldLock {
  release(): Promise<void>;
}

export async function tryLock(store: CacheStore, key: string, ttlSeconds: number): Promise<HeldLock | null> {
  const owner = randomUUID();
  if (!(await store.setIfAbsent(key, owner, ttlSeconds))) return null;
  return {
    release: async () => {
      await store.deleteIfEquals(key, owner);
    },
  };
}
