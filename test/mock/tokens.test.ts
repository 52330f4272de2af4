import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestMock, type TestMock } from './support';

let t: TestMock;
beforeAll(async () => {
  t = await startTestMock({ tokenTtlSeconds: 600 });
});
afterAll(() => t.mock.close());
beforeEach(() => t.control('POST', 'reset'));

describe('access token checks', () => {
  it('answers 41001 without access_token', async () => {
    expect((await t.api('user/get', { userid: 'zhangwei' })).errcode).toBe(41001);
  });

  it('answers 40014 for a token it never issued', async () => {
    expect((await t.api('user/get', { access_token: 'not-a-token', userid: 'zhangwei' })).errcode).toBe(40014);
  });

  it('revokes every issued token: the next use is 40014, a new token works', async () => {
    const a = await t.token();
    const b = await t.token();
    expect((await t.api('user/get', { access_token: a, userid: 'zhangwei' })).errcode).toBe(0);

    const revoke = await t.control('POST', 'tokens/revoke');
    expect(revoke).toEqual({ status: 200, json: { revoked: 2 } });
    expect((await t.api('user/get', { access_token: a, userid: 'zhangwei' })).errcode).toBe(40014);
    expect((await t.api('user/get', { access_token: b, userid: 'zhangwei' })).errcode).toBe(40014);
    expect((await t.api('user/get', { access_token: await t.token(), userid: 'zhangwei' })).errcode).toBe(0);
  });

  it('expires tokens by the mock clock with 42001, using the start option ttl', async () => {
    const first = await t.api('gettoken', { corpid: 'ww8a2f00d5c0ffee01', corpsecret: 'mS1000002-kq7ZcB3xYwP9tR2vL5nH8jD4fG6sA0eU1iO3' });
    expect(first.expires_in).toBe(600);
    await t.control('POST', 'clock', { advanceSeconds: 599 });
    expect((await t.api('get_jsapi_ticket', { access_token: first.access_token })).errcode).toBe(0);
    await t.control('POST', 'clock', { advanceSeconds: 1 });
    expect((await t.api('get_jsapi_ticket', { access_token: first.access_token })).errcode).toBe(42001);
  });

  it('applies a tokenTtlSeconds setting to tokens issued afterwards', async () => {
    await t.control('POST', 'settings', { tokenTtlSeconds: 60 });
    const token = await t.token();
    await t.control('POST', 'clock', { advanceSeconds: 61 });
    expect((await t.api('get_jsapi_ticket', { access_token: token })).errcode).toBe(42001);
  });

  it('forgets tokens on reset', async () => {
    const token = await t.token();
    await t.control('POST', 'reset');
    expect((await t.api('get_jsapi_ticket', { access_token: token })).errcode).toBe(40014);
  });
});

describe('JS-SDK tickets', () => {
  it('answers a corp ticket and an agent_config ticket', async () => {
    const access_token = await t.token();
    const corp = await t.api('get_jsapi_ticket', { access_token });
    expect(corp).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 7200 });
    expect(corp.ticket).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    const agent = await t.api('ticket/get', { access_token, type: 'agent_config' });
    expect(agent).toMatchObject({ errcode: 0, expires_in: 7200 });
    expect(agent.ticket).not.toBe(corp.ticket);
  });

  it('refuses ticket/get without type=agent_config', async () => {
    const access_token = await t.token();
    expect((await t.api('ticket/get', { access_token })).errcode).toBe(40058);
    expect((await t.api('ticket/get', { access_token, type: 'jsapi' })).errcode).toBe(40058);
  });
});
