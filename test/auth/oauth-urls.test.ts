import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, buildBrowserLoginUrl, isWeComClient } from '@/lib/wecom/oauth-urls';
import { newState } from '@/lib/auth/login-state';
import { preferredLocale } from '@/lib/i18n/locale';

describe('WeCom sign-in URLs', () => {
  it('the in-app URL carries exactly the documented parameters and ends with #wechat_redirect', () => {
    const url = buildAuthorizeUrl({
      oauthUrl: 'https://open.weixin.qq.com/connect/oauth2/authorize',
      corpId: 'wwcorp',
      agentId: 1000002,
      redirectUri: 'https://portal.example.com/api/wecom/callback',
      scope: 'snsapi_privateinfo',
      state: 'abcXYZ123',
    });
    expect(url).toBe(
      'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wwcorp&redirect_uri=https%3A%2F%2Fportal.example.com%2Fapi%2Fwecom%2Fcallback&response_type=code&scope=snsapi_privateinfo&state=abcXYZ123&agentid=1000002#wechat_redirect',
    );
  });

  it('the browser login URL uses login_type=CorpApp and the visitor language', () => {
    const url = new URL(
      buildBrowserLoginUrl({ ssoUrl: 'https://login.work.weixin.qq.com/wwlogin/sso/login', corpId: 'wwcorp', agentId: 7, redirectUri: 'https://p.example/cb', state: 's1', lang: 'en' }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({ login_type: 'CorpApp', appid: 'wwcorp', agentid: '7', redirect_uri: 'https://p.example/cb', state: 's1', lang: 'en' });
  });

  it('recognises the WeCom client on phones and desktop, not WeChat or browsers', () => {
    expect(isWeComClient('Mozilla/5.0 (iPhone) AppleWebKit MicroMessenger/8.0 wxwork/4.1.0 Language/zh')).toBe(true);
    expect(isWeComClient('Mozilla/5.0 (Windows NT 10.0) wxwork/4.1.6 (MicroMessenger/6.2) WindowsWechat')).toBe(true);
    expect(isWeComClient('Mozilla/5.0 (iPhone) MicroMessenger/8.0.40')).toBe(false);
    expect(isWeComClient('Mozilla/5.0 (X11; Linux x86_64) Chrome/156')).toBe(false);
    expect(isWeComClient(null)).toBe(false);
  });

  it('state is 32 characters of [A-Za-z0-9] and never repeats', () => {
    const states = new Set(Array.from({ length: 1000 }, newState));
    expect(states.size).toBe(1000);
    for (const s of states) expect(s).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it.each([
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['fr-FR,en;q=0.5', 'en'],
    ['en;q=0.3,zh-TW;q=0.9', 'zh'],
    ['', 'zh'],
    ['de-DE', 'zh'],
  ])('Accept-Language %s → %s', (header, locale) => expect(preferredLocale(header)).toBe(locale));
});
