import type { CacheStore } from '@/lib/cache/store';

/**
 * A credential WeCom hands out with a lifetime (access_token, JS-SDK tickets):
 * cached in a store, refreshed a little before it expires, fetched by one caller
 * at a time while the others wait for that fetch.
 */
export interface IssuedCredential {
  value: string;
  expiresInSeconds: number;
}

export class CredentialCache {
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly store: CacheStore,
    /** Namespaced by corp + agent + a hash of the secret: apps sharing a store never read each other's. */
    readonly key: string,
    private readonly fetchFresh: () => Promise<IssuedCredential>,
  ) {}

  async get(): Promise<string> {
    const cached = await this.store.get(this.key);
    if (cached) return cached;
    return this.refresh();
  }

  /**
   * Drops the credential WeCom just rejected. Compared by value so that a caller holding
   * an old token does not throw away the fresh one another caller already fetched.
   */
  async invalidate(rejected: string): Promise<void> {
    if ((await this.store.get(this.key)) === rejected) await this.store.delete(this.key);
  }

  private refresh(): Promise<string> {
    this.inflight ??= this.fetchAndStore().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
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
