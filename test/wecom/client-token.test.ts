import { describe, expect, it } from 'vitest';
import { DEMO } from '@/mock/seed';
import { MemoryStore } from '@/lib/cache/store';
import { isWeComError, WeComError } from '@/lib/wecom/errors';
import { clientFor } from '../support/client-under-test';
import { useMockWeCom } from '../support/use-mock';

const wecom = useMockWeCom();

async function caught(promise: Promise<unknown>): Promise<WeComError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isWeComError(error)) throw new Error(`expected a WeComError, got ${String(error)}`);
  return error;
}

describe('access token', () => {
  it('50 concurrent callers with a cold cache cause exactly one gettoken', async () => {
    const client = clientFor(wecom.url);
    const users = await Promise.all(Array.from({ length: 50 }, () => client.getUser(DEMO.ceo)));
    expect(users.every((u) => u.userid === DEMO.ceo)).toBe(true);
    const counters = await wecom.control.counters();
    expect(counters['/cgi-bin/gettoken']).toBe(1);
    expect(counters['/cgi-bin/user/get']).toBe(50);
  });

  it('reuses the cached token across calls', async () => {
    const client = clientFor(wecom.url);
    await client.getUser(DEMO.ceo);
    await client.listDepartments();
    expect((await wecom.control.counters())['/cgi-bin/gettoken']).toBe(1);
  });

  it('two clients of different apps sharing one store keep separate tokens', async () => {
    const { MOCK_APPS } = await import('@/mock/credentials');
    const store = new MemoryStore();
    const first = clientFor(wecom.url, { store });
    const second = clientFor(wecom.url, { store, agentId: MOCK_APPS[1].agentId, secret: MOCK_APPS[1].secret });
    expect(first.accessToken.key).not.toBe(second.accessToken.key);
    await first.getUser(DEMO.ceo);
    await second.getUser(DEMO.ceo);
    expect((await wecom.control.counters())['/cgi-bin/gettoken']).toBe(2);
    expect(await first.accessToken.get()).not.toBe(await second.accessToken.get());
  });

  it('a revoked token (40014) is replaced and the call retried once', async () => {
    const client = clientFor(wecom.url);
    await client.getUser(DEMO.ceo);
    await wecom.control.revokeTokens();
    const user = await client.getUser(DEMO.withDot);
    expect(user.userid).toBe(DEMO.withDot);
    const counters = await wecom.control.counters();
    expect(counters['/cgi-bin/gettoken']).toBe(2);
    expect(counters['/cgi-bin/user/get']).toBe(3);
  });

  it('an expired token (42001) is replaced and the call retried once', async () => {
    const client = clientFor(wecom.url);
    await client.getUser(DEMO.ceo);
    await wecom.control.advanceClock(7201);
    expect((await client.getUser(DEMO.ceo)).name).toBeTruthy();
    expect((await wecom.control.counters())['/cgi-bin/gettoken']).toBe(2);
  });

  it('does not loop when the retried call is rejected too', async () => {
    const client = clientFor(wecom.url);
    await wecom.control.fault({ path: '/cgi-bin/user/get', errcode: 40014, times: 10 });
    const error = await caught(client.getUser(DEMO.ceo));
    expect(error.kind).toBe('token_invalid');
    expect(error.errcode).toBe(40014);
    const counters = await wecom.control.counters();
    expect(counters['/cgi-bin/user/get']).toBe(2);
    expect(counters['/cgi-bin/gettoken']).toBe(2);
  });

  it('a wrong secret is a configuration error naming the errcode, without the secret', async () => {
    const secret = 'mS1000002-wrongwrongwrongwrongwrongwrongwron';
    const error = await caught(clientFor(wecom.url, { secret }).getUser(DEMO.ceo));
    expect(error.kind).toBe('config');
    expect(error.api).toBe('gettoken');
    expect([40001, 40091]).toContain(error.errcode);
    expect(error.hint?.en).toMatch(/WECOM_SECRET/);
    expect(error.hint?.zh).toMatch(/应用管理 → 应用/);
    expect(error.message).not.toContain(secret);
  });

  it('a wrong corp id is 40013, a configuration error', async () => {
    const error = await caught(clientFor(wecom.url, { corpId: 'ww0000000000000000' }).getUser(DEMO.ceo));
    expect(error).toMatchObject({ kind: 'config', errcode: 40013 });
    expect(error.hint?.en).toMatch(/WECOM_CORP_ID/);
    expect(error.hint?.zh).toMatch(/我的企业 → 企业信息/);
  });
});

describe('retries and failures', () => {
  it('retries "system busy" (-1) with backoff and succeeds', async () => {
    const client = clientFor(wecom.url);
    await wecom.control.fault({ path: '/cgi-bin/user/get', errcode: -1, times: 2 });
    expect((await client.getUser(DEMO.ceo)).userid).toBe(DEMO.ceo);
    expect((await wecom.control.counters())['/cgi-bin/user/get']).toBe(3);
  });

  it('gives up on "system busy" after 3 retries', async () => {
    const client = clientFor(wecom.url);
    await wecom.control.fault({ path: '/cgi-bin/user/get', errcode: -1, times: 10 });
    const error = await caught(client.getUser(DEMO.ceo));
    expect(error).toMatchObject({ kind: 'busy', errcode: -1 });
    expect((await wecom.control.counters())['/cgi-bin/user/get']).toBe(4);
  });

  it('rate limiting (45009) surfaces as rate_limited without another gettoken', async () => {
    const client = clientFor(wecom.url);
    await client.getUser(DEMO.ceo);
    await wecom.control.fault({ path: '/cgi-bin/user/get', errcode: 45009, times: 3 });
    const error = await caught(client.getUser(DEMO.ceo));
    expect(error).toMatchObject({ kind: 'rate_limited', errcode: 45009 });
    const counters = await wecom.control.counters();
    expect(counters['/cgi-bin/gettoken']).toBe(1);
    expect(counters['/cgi-bin/user/get']).toBe(2);
  });

  it('a slow answer becomes a typed timeout error', async () => {
    const client = clientFor(wecom.url, { timeoutMs: 200 });
    await client.getUser(DEMO.ceo);
    await wecom.control.fault({ path: '/cgi-bin/user/get', delayMs: 1500 });
    const started = Date.now();
    const error = await caught(client.getUser(DEMO.ceo));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/200 ms/);
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('an HTTP 500 from a gateway is "unavailable", a 503 is retried as busy', async () => {
    const client = clientFor(wecom.url);
    await client.getUser(DEMO.ceo);
    await wecom.control.fault({ path: '/cgi-bin/user/get', status: 500 });
    expect((await caught(client.getUser(DEMO.ceo))).kind).toBe('unavailable');
    await wecom.control.fault({ path: '/cgi-bin/user/get', status: 503, times: 1 });
    expect((await client.getUser(DEMO.ceo)).userid).toBe(DEMO.ceo);
  });

  it('an unreachable WeCom is "unavailable"', async () => {
    const error = await caught(clientFor('http://127.0.0.1:9').getUser(DEMO.ceo));
    expect(error.kind).toBe('unavailable');
    expect(error.api).toBe('gettoken');
  });
});
