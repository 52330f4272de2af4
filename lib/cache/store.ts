/**
 * Where cached WeCom credentials and data live. In-process by default; a shared
 * implementation (Redis) lets several instances reuse one access token.
 * Values are strings so that every implementation stores the same thing.
 */
export interface CacheStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export class MemoryStore implements CacheStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<string | null> {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    if (ttlSeconds <= 0) return;
    this.entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
    this.sweepOccasionally();
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  /** Expired entries are dropped on read; this keeps keys that are never read again from piling up. */
  private writes = 0;
  private sweepOccasionally() {
    if (++this.writes % 1000 !== 0) return;
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
