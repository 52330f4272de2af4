import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '@/mock/seed';
import { APPROVALS, useTestMock } from './support';

const t = useTestMock();
let token: string;
beforeEach(async () => {
  token = await t.token();
});

const exchange = (code: string, access_token = token) => t.api('auth/getuserinfo', { access_token, code });

describe('auth/getuserinfo', () => {
  it('answers a member with userid only under snsapi_base', async () => {
    const body = await exchange(await t.oauthCode({ userid: DEMO.engineer }));
    expect(body).toEqual({ errcode: 0, errmsg: 'ok', userid: 'hejing' });
  });

  it('adds a user_ticket under snsapi_privateinfo', async () => {
    const body = await exchange(await t.oauthCode({ userid: DEMO.withDot }, { scope: 'snsapi_privateinfo' }));
    expect(body.userid).toBe('li.na');
    expect(body.user_ticket).toMatch(/^[A-Za-z0-9_-]{60,}$/);
  });

  it('answers a non-member with openid and external_userid', async () => {
    const body = await exchange(await t.oauthCode({ nonMember: true }));
    expect(body).toEqual({ errcode: 0, errmsg: 'ok', openid: DEMO.nonMemberOpenId, external_userid: DEMO.nonMemberExternalUserId });
  });

  it('answers a linked-corp member as CorpId/userid', async () => {
    const body = await exchange(await t.oauthCode({ userid: DEMO.linkedCorp }));
    expect(body.userid).toBe('wwlinkedc0rp000002/zhao.lei');
  });

  it('answers 41008 without a code', async () => {
    expect((await t.api('auth/getuserinfo', { access_token: token })).errcode).toBe(41008);
  });

  it('accepts a code once: the second exchange is 40029', async () => {
    const code = await t.oauthCode({ userid: DEMO.ceo });
    expect((await exchange(code)).userid).toBe('zhangwei');
    const again = await exchange(code);
    expect(again.errcode).toBe(40029);
    expect(again.errmsg).toMatch(/^invalid code, hint: \[/);
  });

  it('expires a code after 5 minutes on the mock clock', async () => {
    const fresh = await t.oauthCode({ userid: DEMO.ceo });
    const stale = await t.oauthCode({ userid: DEMO.ceo });
    await t.control('POST', 'clock', { advanceSeconds: 299 });
    expect((await exchange(fresh)).userid).toBe('zhangwei');
    await t.control('POST', 'clock', { advanceSeconds: 2 });
    expect((await exchange(stale)).errcode).toBe(40029);
  });

  it("refuses another app's code with 40029 and burns it", async () => {
    const code = await t.oauthCode({ userid: DEMO.ceo }, { agentid: String(APPROVALS.agentId) });
    expect((await exchange(code)).errcode).toBe(40029);
    // Single use even though the first exchange failed after lookup.
    expect((await exchange(code, await t.token(APPROVALS))).errcode).toBe(40029);
  });

  it('ties an in-app code without agentid to the first app', async () => {
    const code = await t.oauthCode({ userid: DEMO.ceo }, { agentid: '' });
    expect((await exchange(code)).userid).toBe('zhangwei');
    const other = await t.oauthCode({ userid: DEMO.ceo }, { agentid: '' });
    expect((await exchange(other, await t.token(APPROVALS))).errcode).toBe(40029);
  });

  it('gives a member outside the visible range a userid but never a user_ticket', async () => {
    const body = await exchange(await t.oauthCode({ userid: DEMO.outsideRange }, { scope: 'snsapi_privateinfo' }));
    expect(body).toEqual({ errcode: 0, errmsg: 'ok', userid: 'weidong' });
  });
});

describe('user/getuserinfo (legacy)', () => {
  it('answers capitalised keys for a member', async () => {
    const body = await t.api('user/getuserinfo', { access_token: token, code: await t.oauthCode({ userid: DEMO.withAt }) });
    expect(body.UserId).toBe('chen.jie@hq');
    expect(body.DeviceId).toMatch(/^[0-9A-F]{16}$/);
    expect(body.userid).toBeUndefined();
    expect(body.user_ticket).toBeUndefined();
  });

  it('adds user_ticket and expires_in 7200 under snsapi_privateinfo', async () => {
    const code = await t.oauthCode({ userid: DEMO.withAt }, { scope: 'snsapi_privateinfo' });
    const body = await t.api('user/getuserinfo', { access_token: token, code });
    expect(body.expires_in).toBe(7200);
    expect(typeof body.user_ticket).toBe('string');
  });

  it('answers OpenId for a non-member and 40029 for a used code', async () => {
    const code = await t.oauthCode({ nonMember: true });
    const body = await t.api('user/getuserinfo', { access_token: token, code });
    expect(body.OpenId).toBe(DEMO.nonMemberOpenId);
    expect(body.UserId).toBeUndefined();
    expect((await t.api('user/getuserinfo', { access_token: token, code })).errcode).toBe(40029);
  });
});

describe('auth/getuserdetail', () => {
  const detail = (body: string, access_token = token) => t.apiPost('auth/getuserdetail', { access_token }, body);

  it('answers the sensitive fields for a privateinfo ticket', async () => {
    const { user_ticket } = await exchange(await t.oauthCode({ userid: DEMO.engineer }, { scope: 'snsapi_privateinfo' }));
    const body = await detail(JSON.stringify({ user_ticket }));
    expect(body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      userid: 'hejing',
      gender: '2',
      avatar: `${t.url}/__mock/avatar/hejing.svg`,
      qr_code: `${t.url}/__mock/qr/hejing.svg`,
      mobile: expect.stringMatching(/^1380013\d{4}$/),
      email: 'jean.he@mail.example.com',
      biz_mail: 'jean.he@xinghe-ai.example.com',
      address: '上海市闵行区虹梅路 1801 号',
    });
  });

  it('leaves address out when the member has none', async () => {
    const { user_ticket } = await exchange(await t.oauthCode({ userid: DEMO.withDot }, { scope: 'snsapi_privateinfo' }));
    const body = await detail(JSON.stringify({ user_ticket }));
    expect(body.userid).toBe('li.na');
    expect('address' in body).toBe(false);
  });

  it('expires the ticket after 1800 s with 84014', async () => {
    const { user_ticket } = await exchange(await t.oauthCode({ userid: DEMO.engineer }, { scope: 'snsapi_privateinfo' }));
    await t.control('POST', 'clock', { advanceSeconds: 1799 });
    expect((await detail(JSON.stringify({ user_ticket }))).errcode).toBe(0);
    await t.control('POST', 'clock', { advanceSeconds: 1 });
    // The token lives 7200 s, so only the ticket has expired here.
    expect((await detail(JSON.stringify({ user_ticket }))).errcode).toBe(84014);
  });

  it('answers 84015 for an unknown ticket and 47001 for a body that is not JSON', async () => {
    expect((await detail(JSON.stringify({ user_ticket: 'made-up' }))).errcode).toBe(84015);
    expect((await detail('{user_ticket:')).errcode).toBe(47001);
  });

  it('has no ticket to offer for snsapi_base or SSO logins', async () => {
    const base = await exchange(await t.oauthCode({ userid: DEMO.engineer }));
    expect(base.user_ticket).toBeUndefined();
    await t.control('POST', 'identity', { userid: DEMO.engineer });
    const page = await t.open('/wwlogin/sso/login', {
      login_type: 'CorpApp', appid: 'ww8a2f00d5c0ffee01', agentid: '1000002', redirect_uri: 'http://localhost:3000/cb', state: 's1',
    });
    const sso = await exchange(page.location!.searchParams.get('code')!);
    expect(sso).toEqual({ errcode: 0, errmsg: 'ok', userid: 'hejing' });
  });

  it('requires POST (43002 on GET)', async () => {
    expect((await t.api('auth/getuserdetail', { access_token: token })).errcode).toBe(43002);
  });
});

describe('miniprogram/jscode2session', () => {
  it('exchanges a control-issued code once for corpid, userid and a 16-byte session_key', async () => {
    const { json } = await t.control('POST', 'miniprogram/code', { userid: DEMO.withDash });
    const params = { access_token: token, js_code: json.code, grant_type: 'authorization_code' };
    const body = await t.api('miniprogram/jscode2session', params);
    expect(body).toMatchObject({ errcode: 0, corpid: 'ww8a2f00d5c0ffee01', userid: 'wang-fang' });
    expect(Buffer.from(body.session_key, 'base64')).toHaveLength(16);
    expect((await t.api('miniprogram/jscode2session', params)).errcode).toBe(40029);
  });

  it('expires the code after 5 minutes', async () => {
    const { json } = await t.control('POST', 'miniprogram/code', { userid: DEMO.withDash });
    await t.control('POST', 'clock', { advanceSeconds: 301 });
    const body = await t.api('miniprogram/jscode2session', { access_token: token, js_code: json.code, grant_type: 'authorization_code' });
    expect(body.errcode).toBe(40029);
  });
});
