import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { DEMO } from '@/mock/seed';
import { startRedisServer, type RedisServer } from '../../harness/redis-server';
import { useMockWeCom } from '../support/use-mock';
import { captureLogs, instanceOf } from './redis-harness';

const mock = useMockWeCom();
let redis: RedisServer;
let logs: ReturnType<typeof captureLogs>;
const opened: { close: () => Promise<void> }[] = [];

function instance() {
  const created = instanceOf(mock.url, redis.url);
  opened.push(created);
  return created;
}

async function withAdmin<T>(use: (admin: Redis) => Promise<T>): Promise<T> {
  const admin = new Redis(redis.url);
  try {
    return await use(admin);
  } finally {
    admin.disconnect();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(async () => {
  redis = await startRedisServer();
  logs = captureLogs();
});
afterEach(async () => {
  logs.restore();
  await Promise.all(opened.splice(0).map((i) => i.close()));
  await redis.stop();
});

describe('Redis down or slow', () => {
  it('killing Redis mid-run loses no call, warns once per instance, and Redis is used again when it returns', async () => {
    const [a, b] = [instance(), instance()];
    const results: PromiseSettledResult<unknown>[] = [];
    // A steady stream of calls on both instances; Redis dies in the middle of it.
    const stream = (async () => {
      for (let round = 0; round < 30; round++) {
        results.push(...(await Promise.allSettled(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).client.getUser(DEMO.ceo)))));
        await sleep(20);
      }
    })();
    await sleep(150);
    await redis.kill();
    await stream;

    expect(results).toHaveLength(180);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(a.store.degraded && b.store.degraded).toBe(true);
    // One warning per instance for the whole outage, however many calls it covered.
    expect(logs.events('cache.redis_unavailable')).toHaveLength(2);
    // Each instance kept the token it had copied to memory: the outage cost no gettoken.
    expect((await mock.control.counters())['/cgi-bin/gettoken']).toBe(1);

    await redis.restart();
    await mock.control.resetCounters();
    // ioredis reconnects within its back-off (at most 2 s); then the next calls go to Redis again.
    const deadline = Date.now() + 5000;
    while ((a.store.degraded || b.store.degraded) && Date.now() < deadline) {
      await Promise.all([a.client.getUser(DEMO.ceo), b.client.getUser(DEMO.ceo)]);
      await sleep(100);
    }
    expect(a.store.degraded || b.store.degraded).toBe(false);
    expect(logs.events('cache.redis_available')).toHaveLength(2);
    // The restarted Redis is empty: the instances refill it with one token between them.
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).client.accessToken.invalidate('gone').then(() => (i % 2 ? a : b).client.getUser(DEMO.engineer))));
    const stored = await withAdmin((admin) => admin.get(a.client.accessToken.key));
    expect(stored).toBeTruthy();
    expect(await b.client.accessToken.get()).toBe(stored);
    expect((await mock.control.counters())['/cgi-bin/gettoken'] ?? 0).toBeLessThanOrEqual(1);
  });

  it('a Redis that stops answering delays a call by the short timeout at most, then memory serves', async () => {
    const a = instance();
    await a.client.getUser(DEMO.ceo);
    redis.pause();
    try {
      const started = Date.now();
      const users = await Promise.all(Array.from({ length: 10 }, () => a.client.getUser(DEMO.ceo)));
      const tookMs = Date.now() - started;
      expect(users.every((u) => u.userid === DEMO.ceo)).toBe(true);
      expect(tookMs).toBeLessThan(1000);
      expect(logs.events('cache.redis_unavailable')).toHaveLength(1);
      // Later calls skip Redis during the back-off instead of waiting again.
      const again = Date.now();
      await a.client.getUser(DEMO.ceo);
      expect(Date.now() - again).toBeLessThan(150);
    } finally {
      redis.resume();
    }
  });

  it('Redis unreachable from the start: the app works from memory with one warning', async () => {
    await redis.kill();
    const a = instance();
    const users = await Promise.all(Array.from({ length: 20 }, () => a.client.getUser(DEMO.ceo)));
    expect(users.every((u) => u.userid === DEMO.ceo)).toBe(true);
    expect(a.store.degraded).toBe(true);
    expect(logs.events('cache.redis_unavailable')).toHaveLength(1);
    expect((await mock.control.counters())['/cgi-bin/gettoken']).toBe(1);
    // Nothing logged carries a credential.
    const logged = JSON.stringify(logs.events('cache.redis_unavailable'));
    expect(logged).not.toMatch(/access_token|secret/i);
  });

  it("keeps small values in memory for an outage but not the directory's megabyte parts", async () => {
    const a = instance();
    const part = 'x'.repeat(300 * 1024);
    await a.store.set('small', 'token', 60);
    await a.store.set('part', part, 60);
    expect(await a.store.get('part')).toBe(part);
    expect(await a.store.memory.get('small')).toBe('token');
    expect(await a.store.memory.get('part')).toBeNull();
    await redis.kill();
    expect(await a.store.get('small')).toBe('token');
  });
});
