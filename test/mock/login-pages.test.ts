import { describe, expect, it } from 'vitest';
import { DEMO } from '@/mock/seed';
import { CALLBACK, oauthParams, ssoParams, useTestMock } from './support';

const t = useTestMock();

const AUTHORIZE = '/connect/oauth2/authorize';
const SSO = '/wwlogin/sso/login';

/** The errcode shown on WeCom's error page, or null when the page is not an error page. */
function errorPageCode(html: string): number | null {
  const match = /data-testid="wecom-error" data-errcode="(-?\d+)">[\s\S]*?errcode: (-?\d+)/.exec(html);
  return match ? Number(match[2]) : null;
}

/** Follows a chooser button the way a browser click would. */
async function press(html: string, selector: RegExp) {
  const href = selector.exec(html)?.[1];
  if (!href) throw new Error(`no button matching ${selector}`);
  const res = await fetch(new URL(href.replace(/&amp;/g, '&'), t.url), { redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') ? new URL(res.headers.get('location')!) : null };
}

describe('in-app authorize: parameter checks', () => {
  const cases: [string, Record<string, string>, number][] = [
    ['wrong appid', { appid: 'wwsomeoneelse00001' }, 40013],
    ['missing appid', { appid: '' }, 40013],
    ['response_type not code', { response_type: 'token' }, 40058],
    ['unknown scope', { scope: 'snsapi_login' }, 40058],
    ['state with a dash', { state: 'abc-123' }, 40058],
    ['state over 128 bytes', { state: 'a'.repeat(129) }, 40058],
    ['privateinfo without agentid', { scope: 'snsapi_privateinfo', agentid: '' }, 41011],
    ['unknown agentid', { agentid: '999' }, 40056],
    ['untrusted redirect host', { redirect_uri: 'https://evil.example.com/cb' }, 50001],
    ['relative redirect_uri', { redirect_uri: '/auth/callback' }, 40058],
    ['non-http redirect_uri', { redirect_uri: 'javascript://localhost/x' }, 40058],
  ];

  for (const [name, params, errcode] of cases) {
    it(`shows the error page with ${errcode} for ${name}`, async () => {
      const page = await t.open(AUTHORIZE, oauthParams(params));
      expect(page.status).toBe(200);
      expect(page.location).toBeNull();
      expect(errorPageCode(page.html)).toBe(errcode);
    });
  }

  it('names the trusted-domain problem in words', async () => {
    const page = await t.open(AUTHORIZE, oauthParams({ redirect_uri: 'https://evil.example.com/cb' }));
    expect(page.html).toContain("redirect_uri domain is not the app&#39;s trusted domain");
  });

  it('accepts a state of exactly 128 bytes and no state at all', async () => {
    await t.control('POST', 'identity', { userid: DEMO.ceo });
    const longest = await t.open(AUTHORIZE, oauthParams({ state: 'b'.repeat(128) }));
    expect(longest.location?.searchParams.get('state')).toBe('b'.repeat(128));
    const none = await t.open(AUTHORIZE, oauthParams({ state: '' }));
    expect(none.location?.searchParams.get('code')).toBeTruthy();
    expect(none.location?.searchParams.has('state')).toBe(false);
  });

  it('matches trusted domains by host, and by port when the entry has one', async () => {
    await t.control('POST', 'settings', { trustedDomains: ['portal.example.com', 'localhost:3000'] });
    await t.control('POST', 'identity', { userid: DEMO.ceo });
    expect((await t.open(AUTHORIZE, oauthParams({ redirect_uri: 'https://portal.example.com:8443/cb' }))).status).toBe(302);
    expect((await t.open(AUTHORIZE, oauthParams({ redirect_uri: 'http://localhost:3000/cb' }))).status).toBe(302);
    expect(errorPageCode((await t.open(AUTHORIZE, oauthParams({ redirect_uri: 'http://localhost:3001/cb' }))).html)).toBe(50001);
    expect(errorPageCode((await t.open(AUTHORIZE, oauthParams({ redirect_uri: 'http://127.0.0.1:3000/cb' }))).html)).toBe(50001);
  });
});

describe('in-app authorize: identities', () => {
  it('302s straight to redirect_uri with code and state for a preselected member', async () => {
    await t.control('POST', 'identity', { userid: DEMO.withDot });
    const page = await t.open(AUTHORIZE, oauthParams());
    expect(page.status).toBe(302);
    expect(`${page.location!.origin}${page.location!.pathname}`).toBe(CALLBACK);
    expect(page.location!.searchParams.get('state')).toBe('abc123');
    const code = page.location!.searchParams.get('code')!;
    const body = await t.api('auth/getuserinfo', { access_token: await t.token(), code });
    expect(body.userid).toBe('li.na');
  });

  it('appends with & when redirect_uri already has a query, keeping it intact', async () => {
    await t.control('POST', 'identity', { userid: DEMO.ceo });
    const page = await t.open(AUTHORIZE, oauthParams({ redirect_uri: 'http://localhost:3000/cb?next=%2Fme&x=1' }));
    const location = page.location!.toString();
    expect(location).toMatch(/^http:\/\/localhost:3000\/cb\?next=%2Fme&x=1&code=[A-Za-z0-9_-]+&state=abc123$/);
  });

  it('shows the chooser when no identity is preselected, with one button per seed member', async () => {
    const page = await t.open(AUTHORIZE, oauthParams());
    expect(page.status).toBe(200);
    expect(errorPageCode(page.html)).toBeNull();
    expect(page.html).toContain('请选择当前持机人');
    expect(page.html).toContain('#07c160');
    const userids = [...page.html.matchAll(/data-userid="([^"]+)"/g)].map((m) => m[1]);
    expect(userids).toHaveLength(47);
    expect(userids).toContain(DEMO.ceo);
    expect(userids).toContain(DEMO.linkedCorp);
    expect(page.html).toContain('data-testid="choose-non-member"');
  });

  it('issues a working code from a chooser button', async () => {
    const page = await t.open(AUTHORIZE, oauthParams({ scope: 'snsapi_privateinfo' }));
    expect(page.html).toContain('敏感信息');
    const pressed = await press(page.html, /data-userid="wang-fang" href="([^"]+)"/);
    expect(pressed.status).toBe(302);
    const body = await t.api('auth/getuserinfo', { access_token: await t.token(), code: pressed.location!.searchParams.get('code')! });
    expect(body.userid).toBe('wang-fang');
    expect(typeof body.user_ticket).toBe('string');
  });

  it('issues a non-member code from the non-member button', async () => {
    const page = await t.open(AUTHORIZE, oauthParams());
    const pressed = await press(page.html, /data-testid="choose-non-member" href="([^"]+)"/);
    const body = await t.api('auth/getuserinfo', { access_token: await t.token(), code: pressed.location!.searchParams.get('code')! });
    expect(body.openid).toBe(DEMO.nonMemberOpenId);
  });

  it('keeps the identity sticky until cleared with {}', async () => {
    await t.control('POST', 'identity', { userid: DEMO.ceo });
    expect((await t.open(AUTHORIZE, oauthParams())).status).toBe(302);
    expect((await t.open(AUTHORIZE, oauthParams())).status).toBe(302);
    await t.control('POST', 'identity', {});
    expect((await t.open(AUTHORIZE, oauthParams())).status).toBe(200);
  });
});

describe('browser QR login (SSO)', () => {
  it('shows the QR page with scan-as buttons and a refuse button', async () => {
    const page = await t.open(SSO, ssoParams());
    expect(page.status).toBe(200);
    expect(page.html).toContain('请使用企业微信扫描二维码登录');
    expect(page.html).toContain('data-testid="refuse"');
    expect(page.html).toContain(`data-userid="${DEMO.engineer}"`);
  });

  it('speaks English with lang=en', async () => {
    const page = await t.open(SSO, ssoParams({ lang: 'en' }));
    expect(page.html).toContain('Scan the QR code with WeCom to log in');
    expect(page.html).toContain('<html lang="en">');
  });

  it('redirects without a code when the user refuses (button and preselected)', async () => {
    const page = await t.open(SSO, ssoParams());
    const pressed = await press(page.html, /data-testid="refuse" href="([^"]+)"/);
    expect(pressed.location!.searchParams.has('code')).toBe(false);
    expect(pressed.location!.searchParams.get('state')).toBe('xyz789');

    await t.control('POST', 'identity', { refuse: true });
    const refused = await t.open(SSO, ssoParams());
    expect(refused.status).toBe(302);
    expect(refused.location!.toString()).toBe(`${CALLBACK}?state=xyz789`);
  });

  it('scans as a member from a button', async () => {
    const page = await t.open(SSO, ssoParams());
    const pressed = await press(page.html, /data-userid="liu_yang" href="([^"]+)"/);
    const body = await t.api('auth/getuserinfo', { access_token: await t.token(), code: pressed.location!.searchParams.get('code')! });
    expect(body).toEqual({ errcode: 0, errmsg: 'ok', userid: 'liu_yang' });
  });

  it('checks login_type, agentid, appid, redirect_uri and lang', async () => {
    const cases: [Record<string, string>, number][] = [
      [{ login_type: 'ServiceApp' }, 40058],
      [{ agentid: '' }, 41011],
      [{ agentid: '1000009' }, 40056],
      [{ appid: 'wrong' }, 40013],
      [{ redirect_uri: 'https://evil.example.com/' }, 50001],
      [{ state: 'has space' }, 40058],
      [{ lang: 'fr' }, 40058],
    ];
    for (const [params, errcode] of cases) {
      const page = await t.open(SSO, ssoParams(params));
      expect(errorPageCode(page.html), JSON.stringify(params)).toBe(errcode);
    }
  });
});

describe('demo images', () => {
  it('serves an avatar with initials and a QR picture for encoded userids', async () => {
    const avatar = await fetch(`${t.url}/__mock/avatar/${encodeURIComponent(DEMO.withAt)}.svg`);
    expect(avatar.status).toBe(200);
    expect(avatar.headers.get('content-type')).toContain('image/svg+xml');
    expect(await avatar.text()).toContain('>陈杰</text>');
    const qr = await fetch(`${t.url}/__mock/qr/${encodeURIComponent(DEMO.ceo)}.svg`);
    expect(await qr.text()).toMatch(/^<svg[\s\S]*<rect/);
    expect((await fetch(`${t.url}/__mock/avatar/nobody.svg`)).status).toBe(404);
  });
});
