import 'server-only';
import { Redis } from 'ioredis';
import type { CacheStore } from './store';

export interface RedisStoreOptions {
  /** Longest a single command may take before it counts as a failure; a request never waits longer on Redis. */
  commandTimeoutMs?: number;
  /** How long one connection attempt may take; the first commands wait for at most two attempts. */
  connectTimeoutMs?: number;
}

/** Compare-and-delete: the check and the delete must be one step, or a lock could free another owner's claim. */
const DELETE_IF_EQUALS = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
/** Raise-only: read, compare and write in one step, so a concurrent older value cannot land after a newer one. */
const RAISE_TO = `local stored = redis.call('get', KEYS[1])
if stored and tonumber(stored) and tonumber(stored) >= tonumber(ARGV[1]) then return stored end
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]`;
// PTTL first: a missing value ends a Lua array, so it has to be the last element.
const GET_WITH_TTL = `return {redis.call('pttl', KEYS[1]), redis.call('get', KEYS[1])}`;

/**
 * The shared store several instances use (REDIS_URL). It fails fast rather than queueing:
 * commands are not held while disconnected and each one has a short timeout, so the
 * resilient wrapper (resilient-store.ts) can serve from memory instead of making a request wait.
 */
export class RedisStore implements CacheStore {
  readonly client: Redis;
  private readonly commandTimeoutMs: number;
  private firstConnection: Promise<void> | null = null;

  constructor(url: string, options: RedisStoreOptions = {}) {
    this.commandTimeoutMs = options.commandTimeoutMs ?? 250;
    const connectTimeoutMs = options.connectTimeoutMs ?? 1000;
    this.client = new Redis(url, {
      // Only a backstop that frees ioredis's queue; the deadline a request sees is answerWithin's.
      commandTimeout: this.commandTimeoutMs * 8,
      connectTimeout: connectTimeoutMs,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Ready as soon as the socket connects: no INFO or CLIENT SETINFO round trips first, so the
      // first requests after a deploy find Redis ready even while the instance is busy. A Redis
      // still loading its data answers LOADING, which counts as unavailable like any failure.
      enableReadyCheck: false,
      disableClientInfo: true,
      // Keeps trying for as long as the process lives, at most every 2 s, so the app returns to Redis by itself.
      retryStrategy: (attempt) => Math.min(100 * attempt, 2000),
    });
    // Without a listener ioredis prints every reconnect failure; the wrapper reports an outage once instead.
    this.client.on('error', () => {});
    this.firstConnection = this.waitForFirstConnection(2 * connectTimeoutMs + 500);
  }

  /** Whether commands can be sent now (connected). */
  isReady(): boolean {
    return this.client.status === 'ready';
  }

  async get(key: string): Promise<string | null> {
    return (await this.getWithTtl(key))?.value ?? null;
  }

  /** The value and how long it has left, so a local copy can expire when the shared one does. */
  async getWithTtl(key: string): Promise<{ value: string; ttlMs: number } | null> {
    const [ttlMs, value] = (await this.run(() => this.client.eval(GET_WITH_TTL, 1, key))) as [number, string?];
    if (value === undefined || value === null) return null;
    // -1: stored without expiry (not by this app); the local copy then lives as long as a data cache would.
    return { value, ttlMs: ttlMs > 0 ? ttlMs : 60_000 };
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    if (ttlSeconds <= 0) return;
    await this.run(() => this.client.set(key, value, 'PX', toMs(ttlSeconds)));
  }

  async delete(key: string): Promise<void> {
    await this.run(() => this.client.del(key));
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    if (ttlSeconds <= 0) return false;
    return (await this.run(() => this.client.set(key, value, 'PX', toMs(ttlSeconds), 'NX'))) === 'OK';
  }

  async deleteIfEquals(key: string, value: string): Promise<boolean> {
    return (await this.run(() => this.client.eval(DELETE_IF_EQUALS, 1, key, value))) === 1;
  }

  async raiseTo(key: string, value: number, ttlSeconds: number): Promise<number> {
    if (!Number.isFinite(value)) throw new Error('raiseTo takes a finite number');
    if (ttlSeconds <= 0) {
      const stored = Number((await this.get(key)) ?? Number.NaN);
      return Number.isNaN(stored) ? value : stored;
    }
    // Returned as a string: Redis would cut a Lua number to an integer.
    return Number(await this.run(() => this.client.eval(RAISE_TO, 1, key, String(value), String(toMs(ttlSeconds)))));
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }

  /**
   * Every command goes through here. The first ones wait for the connection opened at
   * start-up (otherwise the first requests after a deploy would all miss Redis); that wait
   * ends when the connection is ready or refused, at the latest after two connect attempts.
   */
  private async run<T>(command: () => Promise<T>): Promise<T> {
    if (this.firstConnection) await this.firstConnection;
    return answerWithin(command(), this.commandTimeoutMs);
  }

  /**
   * Settles when the start-up connection is ready, when Redis refuses it outright, or at the
   * deadline. A connect timeout does not end the wait: it is what a process too busy to read
   * its socket (the first burst of a deploy) looks like, and ioredis retries within 100 ms.
   */
  private waitForFirstConnection(waitMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.client.off('ready', done);
        this.client.off('end', done);
        this.client.off('error', onError);
        this.firstConnection = null;
        resolve();
      };
      const onError = (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ETIMEDOUT') done();
      };
      // Resolves either way: a failed first connection shows up as the command's own error.
      // Deferred past the I/O already waiting, like answerWithin, so a busy process still sees a connection that succeeded.
      const timer = setTimeout(() => setImmediate(done), waitMs);
      this.client.once('ready', done);
      this.client.once('end', done);
      this.client.on('error', onError);
    });
  }
}

/**
 * Rejects when `reply` has not come `ms` after the command was sent. The check runs after
 * the I/O already waiting has been read (setImmediate follows the poll phase), so a reply
 * that arrived in time while the process was busy serving a burst still counts: a loaded
 * instance must not mistake its own event-loop lag for a Redis outage.
 */
function answerWithin<T>(reply: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const timer = setTimeout(() => setImmediate(() => settle(() => reject(new Error(`Redis did not answer within ${ms} ms`)))), ms);
    reply.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}

/** Redis expiries in milliseconds, so fractional seconds (short test locks) keep their meaning. */
function toMs(ttlSeconds: number): number {
  return Math.max(1, Math.ceil(ttlSeconds * 1000));
}
