import { beforeEach, describe, expect, it } from 'vitest';
import { useTestMock } from './support';

const t = useTestMock();
let token: string;
beforeEach(async () => {
  token = await t.token();
});

const userGet = () => t.api('user/get', { access_token: token, userid: 'zhangwei' });

describe('faults', () => {
  it('answers a planned errcode for the given number of calls, then normally', async () => {
    const planned = await t.control('POST', 'faults', { path: '/cgi-bin/user/get', errcode: -1, times: 2 });
    expect(planned.status).toBe(200);
    const first = await userGet();
    expect(first.errcode).toBe(-1);
    expect(first.errmsg).toMatch(/^system busy, hint: \[/);
    expect((await userGet()).errcode).toBe(-1);
    expect((await userGet()).errcode).toBe(0);
  });

  it('defaults to one call and echoes the empty arrays of the path', async () => {
    await t.control('POST', 'faults', { path: '/cgi-bin/user/simplelist', errcode: 45009 });
    const params = { access_token: token, department_id: '5' };
    expect(await t.api('user/simplelist', params)).toMatchObject({ errcode: 45009, userlist: [] });
    expect((await t.api('user/simplelist', params)).userlist).toHaveLength(6);
  });

  it('answers a non-200 status', async () => {
    await t.control('POST', 'faults', { path: '/cgi-bin/gettoken', status: 502 });
    const res = await fetch(`${t.url}/cgi-bin/gettoken?corpid=x&corpsecret=y`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
    const next = await fetch(`${t.url}/cgi-bin/gettoken?corpid=x&corpsecret=y`);
    expect(next.status).toBe(200);
  });

  it('combines a status with an errcode body', async () => {
    await t.control('POST', 'faults', { path: '/cgi-bin/user/get', status: 503, errcode: -1 });
    const res = await fetch(`${t.url}/cgi-bin/user/get?access_token=${token}&userid=zhangwei`);
    expect(res.status).toBe(503);
    expect((await res.json()).errcode).toBe(-1);
  });

  it('delays a call which then answers normally', async () => {
    await t.control('POST', 'faults', { path: '/cgi-bin/user/get', delayMs: 300 });
    const started = performance.now();
    const body = await userGet();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(body.userid).toBe('zhangwei');
    const again = performance.now();
    await userGet();
    expect(performance.now() - again).toBeLessThan(250);
  });

  it('does not burn a login code when a fault answers instead', async () => {
    const code = await t.oauthCode({ userid: 'li.na' });
    await t.control('POST', 'faults', { path: '/cgi-bin/auth/getuserinfo', errcode: -1 });
    expect((await t.api('auth/getuserinfo', { access_token: token, code })).errcode).toBe(-1);
    expect((await t.api('auth/getuserinfo', { access_token: token, code })).userid).toBe('li.na');
  });

  it('lists and clears planned faults', async () => {
    await t.control('POST', 'faults', { path: '/cgi-bin/user/get', errcode: -1, times: 5 });
    expect((await t.control('GET', 'faults')).json.faults['/cgi-bin/user/get'][0]).toMatchObject({ errcode: -1, remaining: 5 });
    expect((await t.control('DELETE', 'faults')).status).toBe(200);
    expect((await userGet()).errcode).toBe(0);
  });

  it('rejects faults without an effect, with a bad path or bad numbers', async () => {
    for (const body of [
      { path: '/cgi-bin/user/get' },
      { path: 'user/get', errcode: -1 },
      { path: '/cgi-bin/user/get', errcode: 'busy' },
      { path: '/cgi-bin/user/get', status: 99 },
      { path: '/cgi-bin/user/get', delayMs: -5 },
      { path: '/cgi-bin/user/get', errcode: -1, times: 0 },
      { path: '/cgi-bin/user/get', errcode: -1, extra: true },
    ]) {
      const res = await t.control('POST', 'faults', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(typeof res.json.error).toBe('string');
    }
  });

  it('adds latencyMs to every /cgi-bin call', async () => {
    await t.control('POST', 'settings', { latencyMs: 200 });
    const started = performance.now();
    await userGet();
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe('counters', () => {
  it('counts every /cgi-bin call by path, failures and unknown paths included', async () => {
    await t.control('POST', 'counters/reset');
    await userGet();
    await t.api('user/get', { access_token: 'bad', userid: 'zhangwei' });
    await t.api('gettoken', {});
    await t.api('department/list', { access_token: token });
    const unknown = await fetch(`${t.url}/cgi-bin/no/such/api?access_token=${token}`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errcode).toBe(-1);

    const { json } = await t.control('GET', 'counters');
    expect(json).toEqual({
      '/cgi-bin/user/get': 2,
      '/cgi-bin/gettoken': 1,
      '/cgi-bin/department/list': 1,
      '/cgi-bin/no/such/api': 1,
    });
  });

  it('counts calls answered by a fault and starts over after counters/reset', async () => {
    await t.control('POST', 'faults', { path: '/cgi-bin/user/get', status: 500 });
    await fetch(`${t.url}/cgi-bin/user/get`);
    expect((await t.control('GET', 'counters')).json['/cgi-bin/user/get']).toBe(1);
    expect((await t.control('GET', 'counters')).json['/cgi-bin/gettoken']).toBe(1); // from beforeEach
    await t.control('POST', 'counters/reset');
    expect((await t.control('GET', 'counters')).json).toEqual({});
  });

  it('answers 43001 for POST on a GET api', async () => {
    const res = await fetch(`${t.url}/cgi-bin/user/get?access_token=${token}&userid=zhangwei`, { method: 'POST', body: '{}' });
    expect((await res.json()).errcode).toBe(43001);
  });
});
