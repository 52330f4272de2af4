import { describe, expect, it } from 'vitest';
import { DEMO } from '@/mock/seed';
import { MemoryStore } from '@/lib/cache/store';
import { isWeComError } from '@/lib/wecom/errors';
import { clientFor } from '../support/client-under-test';
import { useMockWeCom } from '../support/use-mock';

const wecom = useMockWeCom();
// Short intervals keep the test quick; production uses 1 s doubling to 8 s.
const failureBackoff = { firstSeconds: 0.3, maxSeconds: 1 };

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (error: unknown) => (isWeComError(error) ? { kind: error.kind, errcode: error.errcode, hint: error.hint } : { thrown: String(error) }),
  );
}

describe('a failing gettoken is remembered, not repeated', () => {
  it.each([
    ['busy (-1)', -1, 'busy'],
    ['a wrong or just rotated secret (40001)', 40001, 'config'],
    ['rate limited (45009)', 45009, 'rate_limited'],
  ])('100 requests in a row while gettoken answers %s cost at most 10 gettoken calls, each with the same error', async (_, errcode, kind) => {
    await wecom.control.fault({ path: '/cgi-bin/gettoken', errcode, times: 10_000 });
    const client = clientFor(wecom.url, { failureBackoff });
    const errors = [];
    for (let i = 0; i < 100; i++) errors.push(await errorOf(client.getUser(DEMO.ceo)));
    expect(new Set(errors.map((e) => JSON.stringify(e))).size).toBe(1);
    expect(errors[0]).toMatchObject({ kind, errcode });
    const calls = (await wecom.control.counters())['/cgi-bin/gettoken'];
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(10);
    expect((await wecom.control.counters())['/cgi-bin/user/get'] ?? 0).toBe(0);
  });

  it('instances sharing a store share the memory: two of them still make at most 10 calls', async () => {
    await wecom.control.fault({ path: '/cgi-bin/gettoken', errcode: -1, times: 10_000 });
    const store = new MemoryStore();
    const instances = [clientFor(wecom.url, { store, failureBackoff }), clientFor(wecom.url, { store, failureBackoff })];
    for (let i = 0; i < 100; i++) await errorOf(instances[i % 2].getUser(DEMO.ceo));
    expect((await wecom.control.counters())['/cgi-bin/gettoken']).toBeLessThanOrEqual(10);
  });

  it('once WeCom answers again, a probe notices within the longest interval and calls work again', async () => {
    await wecom.control.fault({ path: '/cgi-bin/gettoken', errcode: -1, times: 10_000 });
    const client = clientFor(wecom.url, { failureBackoff });
    for (let i = 0; i < 20; i++) await errorOf(client.getUser(DEMO.ceo));
    await wecom.control.clearFaults();
    const recoveredAt = Date.now();
    let user = null;
    while (!user && Date.now() - recoveredAt < 3000) {
      user = await client.getUser(DEMO.ceo).catch(() => null);
      if (!user) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(user?.userid).toBe(DEMO.ceo);
    expect(Date.now() - recoveredAt).toBeLessThanOrEqual(failureBackoff.maxSeconds * 1000 + 500);
    // Afterwards nothing is remembered: the next failure starts from the shortest interval again.
    expect((await client.getUser(DEMO.withDot)).userid).toBe(DEMO.withDot);
  });
});
