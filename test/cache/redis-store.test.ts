import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { RedisStore } from '@/lib/cache/redis-store';
import { startRedisServer, type RedisServer } from '../../harness/redis-server';

let server: RedisServer;
let admin: Redis;
let store: RedisStore;

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
});
afterAll(async () => {
  admin.disconnect();
  await server.stop();
});
beforeEach(async () => {
  await admin.flushall();
  store = new RedisStore(server.url);
});
afterEach(async () => {
  server.resume();
  await store.close();
});

describe('RedisStore against a real redis-server', () => {
  it('stores strings with their expiry', async () => {
    await store.set('k', 'value 值', 60);
    expect(await store.get('k')).toBe('value 值');
    const ttl = await admin.pttl('k');
    expect(ttl).toBeGreaterThan(59_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    const hit = await store.getWithTtl('k');
    expect(hit?.value).toBe('value 值');
    expect(hit!.ttlMs).toBeGreaterThan(59_000);
    await store.delete('k');
    expect(await store.get('k')).toBeNull();
    expect(await store.getWithTtl('k')).toBeNull();
  });

  it('setIfAbsent is a lock: one winner, expiring by itself', async () => {
    const stores = [store, new RedisStore(server.url)];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2].setIfAbsent('lock', `owner-${i}`, 0.3)));
    expect(results.filter(Boolean)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await admin.exists('lock')).toBe(0);
    expect(await stores[1].setIfAbsent('lock', 'next', 5)).toBe(true);
    await stores[1].close();
  });

  it('deleteIfEquals deletes only its own value', async () => {
    await store.set('lock', 'mine', 10);
    expect(await store.deleteIfEquals('lock', 'theirs')).toBe(false);
    expect(await admin.get('lock')).toBe('mine');
    expect(await store.deleteIfEquals('lock', 'mine')).toBe(true);
    expect(await admin.exists('lock')).toBe(0);
  });

  it('raiseTo stores a larger number, never moves a stored one back, and keeps the newer expiry', async () => {
    expect(await store.raiseTo('not-before', 1_800_000_005_000, 60)).toBe(1_800_000_005_000);
    await admin.pexpire('not-before', 30_000);
    // Older: refused, and the stored value keeps its own expiry.
    expect(await store.raiseTo('not-before', 1_800_000_001_999, 60)).toBe(1_800_000_005_000);
    expect(await admin.get('not-before')).toBe('1800000005000');
    expect(await admin.pttl('not-before')).toBeLessThanOrEqual(30_000);
    // Newer: stored with its expiry; millisecond times survive Lua's numbers exactly.
    expect(await store.raiseTo('not-before', 1_800_000_009_999, 60)).toBe(1_800_000_009_999);
    expect(await admin.get('not-before')).toBe('1800000009999');
    expect(await admin.pttl('not-before')).toBeGreaterThan(59_000);
  });

  it('raiseTo from two instances at once ends at the largest value', async () => {
    const other = new RedisStore(server.url);
    try {
      const values = Array.from({ length: 40 }, (_, i) => 1_800_000_000_000 + ((i * 7919) % 40));
      await Promise.all(values.map((v, i) => (i % 2 ? other : store).raiseTo('not-before', v, 60)));
      expect(await admin.get('not-before')).toBe(String(Math.max(...values)));
    } finally {
      await other.close();
    }
  });

  it('a connect timeout at start-up does not end the wait for the first connection', async () => {
    const store = new RedisStore(server.url);
    try {
      // What ioredis reports when a process too busy to read its socket misses its own
      // connection (a deploy's first burst on a loaded machine); on loopback it cannot be
      // provoked for real, so the event is emitted as ioredis would.
      store.client.emit('error', Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }));
      await store.set('k', 'v', 10);
      expect(await store.get('k')).toBe('v');
    } finally {
      await store.close();
    }
  });

  it('a Redis that refuses connections fails the first command at once', async () => {
    const refused = new RedisStore('redis://127.0.0.1:9');
    try {
      const started = Date.now();
      await expect(refused.get('k')).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(500);
    } finally {
      await refused.close();
    }
  });

  it('a Redis that stops answering fails a command within the short timeout', async () => {
    await store.set('k', 'v', 60);
    server.pause();
    const started = Date.now();
    await expect(store.get('k')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(600);
  });
});
