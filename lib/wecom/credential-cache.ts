import { tryLock } from '@/lib/cache/lock';
import type { CacheStore } from '@/lib/cache/store';
import { log } from '@/lib/log';

/**
 * A credential WeCom hands out with a lifetime (access_token, JS-SDK tickets):
 * cached in a store, refreshed a little before it expires, fetched by one caller
 * at a time while the others wait for that fetch. With a shared store "one caller"
 * means one across all instances: the refresher holds a lock in the store and the
 * other instances wait for the value it stores.
 */
export interface IssuedCredential {
  value: string;
  expiresInSeconds: number;
}

export interface CredentialCacheOptions {
  /**
   * How long a refresher may hold the shared lock. A holder that dies frees it after this;
   * longer than one fetch normally takes, so a slow fetch is not duplicated.
   */
  lockSeconds?: number;
  /** How often an instance waiting for another's refresh looks for the new value. */
  pollMs?: number;
}

export class CredentialCache {
  private inflight: Promise<string> | null = null;
  private readonly lockSeconds: number;
  private readonly pollMs: number;

  constructor(
    private readonly store: CacheStore,
    /** Namespaced by corp + agent + a hash of the secret: apps sharing a store never read each other's. */
    readonly key: string,
    private readonly fetchFresh: () => Promise<IssuedCredential>,
    options: CredentialCacheOptions = {},
  ) {
    this.lockSeconds = options.lockSeconds ?? 10;
    this.pollMs = options.pollMs ?? 50;
  }

  async get(): Promise<string> {
    const cached = await this.store.get(this.key);
    if (cached) return cached;
    return this.refresh();
  }

  /**
   * Drops the credential WeCom just rejected, in one compare-and-delete step, so that a
   * caller (in any instance) holding an old token never throws away the fresh one another
   * caller already stored: the token is replaced once for everyone.
   */
  async invalidate(rejected: string): Promise<void> {
    await this.store.deleteIfEquals(this.key, rejected);
  }

  /** Within this process, concurrent misses share one refresh. */
  private refresh(): Promise<string> {
    this.inflight ??= this.refreshOnceAcrossInstances().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /**
   * Across instances: take the lock and fetch, or wait for the holder's value. The wait
   * is bounded: past the lock's lifetime (plus a second) this instance fetches by itself,
   * so a stuck holder delays callers but never blocks them.
   */
  private async refreshOnceAcrossInstances(): Promise<string> {
    const lockKey = `${this.key}:lock`;
    const giveUpAt = Date.now() + this.lockSeconds * 1000 + 1000;
    while (Date.now() < giveUpAt) {
      const lock = await tryLock(this.store, lockKey, this.lockSeconds);
      if (lock) {
        try {
          // Another instance may have stored a value between our miss and our lock.
          return (await this.store.get(this.key)) ?? (await this.fetchAndStore());
        } finally {
          await lock.release();
        }
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
      const stored = await this.store.get(this.key);
      if (stored) return stored;
    }
    log.warn('wecom.credential_lock_wait_exceeded', { credential: this.key.split(':').pop(), waitedMs: this.lockSeconds * 1000 + 1000 });
    return this.fetchAndStore();
  }

  private async fetchAndStore(): Promise<string> {
    const issued = await this.fetchFresh();
    await this.store.set(this.key, issued.value, reuseSeconds(issued.expiresInSeconds));
    return issued.value;
  }
}

/**
 * How long to reuse a credential: its lifetime less a margin (5 minutes for the usual
 * 7200 s, a tenth for short ones), so no request goes out with one about to expire.
 */
export function reuseSeconds(expiresInSeconds: number): number {
  const margin = Math.min(300, Math.ceil(expiresInSeconds / 10));
  return Math.max(1, expiresInSeconds - margin);
}
