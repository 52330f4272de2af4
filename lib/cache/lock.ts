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

/**
 * Waits for the lock, up to `timeoutMs`: for short work that must not run beside another
 * holder's (patching a shared value another instance may be rebuilding). Null on timeout.
 */
export async function waitForLock(
  store: CacheStore,
  key: string,
  ttlSeconds: number,
  { timeoutMs, pollMs = 50 }: { timeoutMs: number; pollMs?: number },
): Promise<HeldLock | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lock = await tryLock(store, key, ttlSeconds);
    if (lock || Date.now() >= deadline) return lock;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
