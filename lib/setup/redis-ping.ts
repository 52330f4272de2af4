import Redis from 'ioredis';

/**
 * One PING on a connection of its own, with no retries and no offline queue, so that a Redis
 * that is down answers "no" within the time limit instead of being waited for.
 */
export async function pingRedis(url: string, timeoutMs: number): Promise<number> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // Errors reach the awaited calls below; without a listener ioredis would also print them.
  client.on('error', () => {});
  try {
    await client.connect();
    const started = performance.now();
    await client.ping();
    return Math.max(1, Math.round(performance.now() - started));
  } finally {
    client.disconnect();
  }
}
