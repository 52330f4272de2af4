/**
 * Where cached WeCom credentials and data live. In-process by default; a shared
 * implementation (Redis) lets several instances reuse one access token.
 * Values are strings so that every implementation stores the same thing.
 */
export interface CacheStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Stores the value only when the key holds nothing; true when this call stored it. The building block of a lock. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  /** Deletes the key only while it still holds `value`, in one step; true when this call deleted it. */
  deleteIfEquals(key: string, value: string): Promise<boolean>;
  /**
   * Stores the number `value` unless the key already holds a number at least as large, in one
   * step; answers the number the key holds afterwards. A stored number never moves back, even
   * when two instances write at once (a "not before" time must not be undone by an older one).
   * The expiry is set only when the value is stored; with `ttlSeconds <= 0` nothing is stored
   * (the answer is then the stored number, or `value` when there is none).
   */
  raiseTo(key: string, value: number, ttlSeconds: number): Promise<number>;
}

export class MemoryStore implements CacheStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<string | null> {
    return this.read(key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.write(key, value, ttlSeconds);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  // These run without an await between the check and the change, so they are atomic within the process.
  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    if (ttlSeconds <= 0 || this.read(key) !== null) return false;
    this.write(key, value, ttlSeconds);
    return true;
  }

  async deleteIfEquals(key: string, value: string): Promise<boolean> {
    if (this.read(key) !== value) return false;
    this.entries.delete(key);
    return true;
  }

  async raiseTo(key: string, value: number, ttlSeconds: number): Promise<number> {
    const stored = Number(this.read(key) ?? Number.NaN);
    if (stored >= value || (ttlSeconds <= 0 && !Number.isNaN(stored))) return stored;
    this.write(key, String(value), ttlSeconds);
    return value;
  }

  private write(key: string, value: string, ttlSeconds: number) {
    if (ttlSeconds <= 0) return;
    this.entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
    this.sweepOccasionally();
  }

  private read(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  /** Expired entries are dropped on read; this keeps keys that are never read again from piling up. */
  private writes = 0;
  private sweepOccasionally() {
    if (++this.writes % 1000 !== 0) return;
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
