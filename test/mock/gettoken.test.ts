import { describe, expect, it } from 'vitest';
import { MOCK_CORP_ID } from '@/mock/credentials';
import { APPROVALS, PORTAL, useTestMock } from './support';

const t = useTestMock();

const HINT = /, hint: \[\d{10}_\d+_[0-9a-f]{32}\], from ip: 127\.0\.0\.1, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=(-?\d+)$/;

describe('gettoken', () => {
  it('issues a ~150 character token with expires_in and errmsg "ok"', async () => {
    const res = await fetch(`${t.url}/cgi-bin/gettoken?corpid=${MOCK_CORP_ID}&corpsecret=${PORTAL.secret}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const body = await res.json();
    expect(Object.keys(body).slice(0, 2)).toEqual(['errcode', 'errmsg']);
    expect(body).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 7200 });
    expect(body.access_token).toMatch(/^[A-Za-z0-9_-]{140,160}$/);
  });

  it('answers 41004 when corpsecret is missing', async () => {
    const body = await t.api('gettoken', { corpid: MOCK_CORP_ID });
    expect(body.errcode).toBe(41004);
    expect(body.access_token).toBeUndefined();
  });

  it('answers 40013 for a missing or unknown corpid', async () => {
    expect((await t.api('gettoken', { corpsecret: PORTAL.secret })).errcode).toBe(40013);
    expect((await t.api('gettoken', { corpid: 'ww0000000000000000', corpsecret: PORTAL.secret })).errcode).toBe(40013);
  });

  it('answers 40091 for a secret that cannot be a WeCom secret (length or charset)', async () => {
    expect((await t.api('gettoken', { corpid: MOCK_CORP_ID, corpsecret: 'short' })).errcode).toBe(40091);
    expect((await t.api('gettoken', { corpid: MOCK_CORP_ID, corpsecret: `${'a'.repeat(42)}!` })).errcode).toBe(40091);
  });

  it('answers 40001 for a well-formed but wrong secret', async () => {
    const body = await t.api('gettoken', { corpid: MOCK_CORP_ID, corpsecret: 'A'.repeat(43) });
    expect(body.errcode).toBe(40001);
  });

  it('carries the hint suffix in every error message, with the errcode in the link', async () => {
    const body = await t.api('gettoken', { corpid: MOCK_CORP_ID, corpsecret: 'A'.repeat(43) });
    expect(body.errmsg).toMatch(/^invalid credential/);
    expect(body.errmsg.match(HINT)?.[1]).toBe('40001');
  });

  it('issues a new token on each call and keeps the old one valid', async () => {
    const first = await t.token();
    const second = await t.token();
    expect(second).not.toBe(first);
    expect((await t.api('get_jsapi_ticket', { access_token: first })).errcode).toBe(0);
    expect((await t.api('get_jsapi_ticket', { access_token: second })).errcode).toBe(0);
  });

  it('binds the token to the app whose secret was used', async () => {
    // A code issued for the approvals app is refused with the portal's token and accepted with its own.
    const code = await t.oauthCode({ userid: 'li.na' }, { agentid: String(APPROVALS.agentId) });
    expect((await t.api('auth/getuserinfo', { access_token: await t.token(APPROVALS), code })).userid).toBe('li.na');
  });
});
