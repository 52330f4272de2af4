import { tryLock } from '@/lib/cache/lock';
import type { CacheStore } from '@/lib/cache/store';
import { log } from '@/lib/log';
import { WeComError, isWeComError, type WeComErrorSnapshot } from './errors';

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

/** Told to the fetch: a probe after a remembered failure should ask WeCom once, without retries. */
export interface FetchContext {
  probing: boolean;
}

/**
 * A failed fetch, remembered in the store so that neither this instance nor the others ask
 * WeCom again before `until`: while gettoken fails (busy, wrong secret, rate limited), every
 * request would otherwise call it again, and WeCom blocks a caller after about 2,000
 * failing calls in an hour. The interval doubles with each failed probe.
 */
interface RememberedFailure {
  error: WeComErrorSnapshot;
  failures: number;
  until: number;
}

export interface CredentialCacheOptions {
  /**
   * How long a refresher may hold the shared lock. A holder that dies frees it after this;
   * longer than one fetch normally takes, so a slow fetch is not duplicated.
   */
  lockSeconds?: number;
  /** How often an instance waiting for another's refresh looks for the new value. */
  pollMs?: number;
  /** How long a failure is answered from memory: `firstSeconds`, doubling up to `maxSeconds`. */
  failureBackoff?: { firstSeconds: number; maxSeconds: number };
  now?: () => number;
}

/** Long enough to remember how many probes failed in a row; `until` inside decides. */
const FAILURE_RECORD_SECONDS = 600;

export class CredentialCache {
  private inflight: Promise<string> | null = null;
  private readonly lockSeconds: number;
  private readonly pollMs: number;
  private readonly backoff: { firstSeconds: number; maxSeconds: number };
  private readonly now: () => number;
  private readonly failureKey: string;

  constructor(
    private readonly store: CacheStore,
    /** Namespaced by corp + agent + a hash of the secret: apps sharing a store never read each other's. */
    readonly key: string,
    private readonly fetchFresh: (context: FetchContext) => Promise<IssuedCredential>,
    options: CredentialCacheOptions = {},
  ) {
    this.lockSeconds = options.lockSeconds ?? 10;
    this.pollMs = options.pollMs ?? 50;
    this.backoff = options.failureBackoff ?? { firstSeconds: 1, maxSeconds: 8 };
    this.now = options.now ?? Date.now;
    this.failureKey = `${key}:failure`;
  }

  async get(): Promise<string> {
    const cached = await this.store.get(this.key);
    if (cached) return cached;
    await this.throwIfFailingNow();
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
          // Another instance may have stored a value, or a failure, between our miss and our lock.
          const stored = await this.store.get(this.key);
          if (stored) return stored;
          await this.throwIfFailingNow();
          return await this.fetchAndStore();
        } finally {
          await lock.release();
        }
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
      const stored = await this.store.get(this.key);
      if (stored) return stored;
      await this.throwIfFailingNow();
    }
    log.warn('wecom.credential_lock_wait_exceeded', { credential: this.credentialName(), waitedMs: this.lockSeconds * 1000 + 1000 });
    return this.fetchAndStore();
  }

  private async fetchAndStore(): Promise<string> {
    const previous = await this.rememberedFailure();
    let issued: IssuedCredential;
    try {
      issued = await this.fetchFresh({ probing: previous !== null });
    } catch (error) {
      if (isWeComError(error)) await this.rememberFailure(error, (previous?.failures ?? 0) + 1);
      throw error;
    }
    await this.store.set(this.key, issued.value, reuseSeconds(issued.expiresInSeconds));
    if (previous) {
      await this.store.delete(this.failureKey);
      log.info('wecom.credential_recovered', { credential: this.credentialName(), failedProbes: previous.failures });
    }
    return issued.value;
  }

  private async rememberFailure(error: WeComError, failures: number): Promise<void> {
    const seconds = Math.min(this.backoff.maxSeconds, this.backoff.firstSeconds * 2 ** (failures - 1));
    const record: RememberedFailure = { error: error.snapshot(), failures, until: this.now() + seconds * 1000 };
    await this.store.set(this.failureKey, JSON.stringify(record), FAILURE_RECORD_SECONDS);
    log.warn('wecom.credential_failure_remembered', { credential: this.credentialName(), errcode: error.errcode, kind: error.kind, failures, seconds });
  }

  private async rememberedFailure(): Promise<RememberedFailure | null> {
    const raw = await this.store.get(this.failureKey);
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as RememberedFailure;
    } catch {
      return null;
    }
  }

  /** Answers from memory while a recent failure stands: the caller gets the same error at once. */
  private async throwIfFailingNow(): Promise<void> {
    const failure = await this.rememberedFailure();
    if (failure && failure.until > this.now()) throw WeComError.restore(failure.error);
  }

  private credentialName(): string {
    return this.key.split(':').pop() ?? this.key;
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
