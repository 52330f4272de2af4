import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { MOCK_APPS } from '@/mock/credentials';
import { DEMO } from '@/mock/seed';
import { credentialNamespace } from '@/lib/wecom/client';
import { startRedisServer, type RedisServer } from '../../harness/redis-server';
import { useMockWeCom } from '../support/use-mock';
import { captureLogs, instanceOf } from './redis-harness';

const mock = useMockWeCom();
let redis: RedisServer;
let admin: Redis;
const opened: { close: () => Promise<void> }[] = [];
let logs: ReturnType<typeof captureLogs>;

function instance(overrides: Parameters<typeof instanceOf>[2] = {}) {
  const created = instanceOf(mock.url, redis.url, overrides);
  opened.push(created);
  return created;
}

beforeAll(async () => {
  redis = await startRedisServer();
  admin = new Redis(redis.url);
});
afterAll(async () => {
  admin.disconnect();
  await redis.stop();
});
beforeEach(async () => {
  await admin.flushall();
  logs = captureLogs();
});
afterEach(async () => {
  logs.restore();
  await Promise.all(opened.splice(0).map((i) => i.close()));
});

describe('one access token for several instances sharing Redis', () => {
  it('50 concurrent cold calls spread over two instances cost exactly one gettoken', async () => {
    const [a, b] = [instance(), instance()];
    const users = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).client.getUser(DEMO.ceo)));
    expect(users.every((u) => u.userid === DEMO.ceo)).toBe(true);
    const counters = await mock.control.counters();
    expect(counters['/cgi-bin/gettoken']).toBe(1);
    expect(counters['/cgi-bin/user/get']).toBe(50);
    // The token sits in Redis under the app's namespace, and the lock is gone.
    expect(await admin.get(a.client.accessToken.key)).toBe(await b.client.accessToken.get());
    expect(await admin.exists(`${a.client.accessToken.key}:lock`)).toBe(0);
    expect(a.store.degraded || b.store.degraded).toBe(false);
    expect(logs.events('wecom.token_fetched')).toHaveLength(1);
  });

  it('an instance started later reuses the token instead of fetching its own', async () => {
    await instance().client.getUser(DEMO.ceo);
    await instance().client.listDepartments();
    expect((await mock.control.counters())['/cgi-bin/gettoken']).toBe(1);
  });

  it('a token revoked by WeCom is replaced once for all instances', async () => {
    const [a, b] = [instance(), instance()];
    await a.client.getUser(DEMO.ceo);
    const revoked = await b.client.accessToken.get();
    await mock.control.revokeTokens();
    await mock.control.resetCounters();
    const users = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).client.getUser(DEMO.engineer)));
    expect(users.every((u) => u.userid === DEMO.engineer)).toBe(true);
    const counters = await mock.control.counters();
    expect(counters['/cgi-bin/gettoken']).toBe(1);
    const fresh = await admin.get(a.client.accessToken.key);
    expect(fresh).not.toBe(revoked);
    expect(await b.client.accessToken.get()).toBe(fresh);
  });

  it('a stale invalidation does not throw away the fresh token', async () => {
    const [a, b] = [instance(), instance()];
    await a.client.getUser(DEMO.ceo);
    await b.client.accessToken.invalidate('a-token-that-was-replaced-long-ago');
    expect(await admin.get(a.client.accessToken.key)).toBe(await a.client.accessToken.get());
  });

  it('a lock left by a holder that died expires, and the next instance refreshes', async () => {
    const a = instance();
    // A holder that took the lock and crashed before storing a token.
    await admin.set(`${a.client.accessToken.key}:lock`, 'dead-holder', 'PX', 800);
    const started = Date.now();
    const user = await a.client.getUser(DEMO.ceo);
    const waited = Date.now() - started;
    expect(user.userid).toBe(DEMO.ceo);
    expect(waited).toBeGreaterThanOrEqual(700);
    expect(waited).toBeLessThan(3000);
    expect((await mock.control.counters())['/cgi-bin/gettoken']).toBe(1);
    expect(await admin.exists(`${a.client.accessToken.key}:lock`)).toBe(0);
  });

  it('waiting instances take the value the lock holder stores, without calling gettoken', async () => {
    const [a, b] = [instance(), instance()];
    // Slow gettoken: b must wait on a's lock rather than fetch in parallel.
    await mock.control.fault({ path: '/cgi-bin/gettoken', delayMs: 400 });
    const [first, second] = await Promise.all([a.client.accessToken.get(), new Promise((r) => setTimeout(r, 50)).then(() => b.client.accessToken.get())]);
    expect(second).toBe(first);
    expect((await mock.control.counters())['/cgi-bin/gettoken']).toBe(1);
  });

  it('two apps (two secrets) in one Redis keep separate keys and tokens', async () => {
    const portal = instance();
    const approvals = instance({ agentId: MOCK_APPS[1].agentId, secret: MOCK_APPS[1].secret });
    expect(portal.client.accessToken.key).not.toBe(approvals.client.accessToken.key);
    expect(portal.client.accessToken.key).not.toContain(MOCK_APPS[0].secret);
    await Promise.all([portal.client.getUser(DEMO.ceo), approvals.client.getUser(DEMO.ceo)]);
    expect((await mock.control.counters())['/cgi-bin/gettoken']).toBe(2);
    const keys = (await admin.keys('*:access_token')).sort();
    expect(keys).toEqual([portal.client.accessToken.key, approvals.client.accessToken.key].sort());
    expect(await admin.get(portal.client.accessToken.key)).not.toBe(await admin.get(approvals.client.accessToken.key));
    // Revoking and replacing one app's token leaves the other's alone.
    const approvalsToken = await admin.get(approvals.client.accessToken.key);
    await portal.client.accessToken.invalidate((await admin.get(portal.client.accessToken.key))!);
    expect(await admin.get(approvals.client.accessToken.key)).toBe(approvalsToken);
  });

  it('the same app with a rotated secret does not read the old token', async () => {
    const before = credentialNamespace('ww1', 1000002, 'old-secret');
    const after = credentialNamespace('ww1', 1000002, 'new-secret');
    expect(before).not.toBe(after);
    expect(credentialNamespace('ww2', 1000002, 'old-secret')).not.toBe(before);
    expect(credentialNamespace('ww1', 1000003, 'old-secret')).not.toBe(before);
  });
});
