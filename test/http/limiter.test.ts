import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '@/harness/redis-server';
import { createLimiter } from '@/lib/http/limiter';

let redis: RedisServer;
const connections: Redis[] = [];

/** An app instance's limiter: its own Redis connection, as each process has. */
function instance(points = 3) {
  const connection = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  connection.on('error', () => {});
  connections.push(connection);
  return createLimiter({ name: 'sign_in', points, durationSeconds: 60, keyPrefix: 'test:rate_limit:sign_in', redis: connection });
}

const ready = (connection: Redis) => new Promise<void>((resolve) => (connection.status === 'ready' ? resolve() : connection.once('ready', () => resolve())));

beforeEach(async () => {
  redis = await startRedisServer();
});
afterEach(async () => {
  connections.splice(0).forEach((c) => c.disconnect());
  await redis.stop();
});

describe('sign-in rate limits with Redis', () => {
  it('are shared by every instance: the fourth attempt from one address is refused on either, other addresses pass', async () => {
    const [a, b] = [instance(), instance()];
    await Promise.all(connections.map(ready));
    const verdicts = [await a.consume('203.0.113.7'), await b.consume('203.0.113.7'), await a.consume('203.0.113.7')];
    expect(verdicts.every((v) => v.allowed)).toBe(true);
    const refused = await b.consume('203.0.113.7');
    expect(refused.allowed).toBe(false);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(50);
    expect((await a.consume('198.51.100.4')).allowed).toBe(true);
  });

  it('keep counting in memory while Redis is down, and never refuse because of the outage', async () => {
    const a = instance();
    await ready(connections[0]);
    await redis.kill();
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await a.consume('203.0.113.7'));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
    expect((await a.consume('198.51.100.4')).allowed).toBe(true);
  });
});
