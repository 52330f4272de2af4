import type { WeComScope } from '@/lib/config';

/** The in-app authorize URL (doc 91022), parameters in the documented order, ending in #wechat_redirect. */
export function buildAuthorizeUrl(p: {
  oauthUrl: string;
  corpId: string;
  agentId: number;
  redirectUri: string;
  scope: WeComScope;
  state: string;
}): string {
  return (
    `${p.oauthUrl}?appid=${encodeURIComponent(p.corpId)}` +
    `&redirect_uri=${encodeURIComponent(p.redirectUri)}` +
    `&response_type=code&scope=${p.scope}` +
    `&state=${encodeURIComponent(p.state)}` +
    `&agentid=${p.agentId}#wechat_redirect`
  );
}

/** The browser (QR code) login URL (doc 98152). */
export function buildBrowserLoginUrl(p: {
  ssoUrl: string;
  corpId: string;
  agentId: number;
  redirectUri: string;
  state: string;
  lang: 'zh' | 'en';
}): string {
  return (
    `${p.ssoUrl}?login_type=CorpApp&appid=${encodeURIComponent(p.corpId)}` +
    `&agentid=${p.agentId}` +
    `&redirect_uri=${encodeURIComponent(p.redirectUri)}` +
    `&state=${encodeURIComponent(p.state)}&lang=${p.lang}`
  );
}

/** The WeCom client's web view, on phones and on the desktop client, says `wxwork/` in its user agent. */
export function isWeComClient(userAgent: string | null): boolean {
  return /wxwork\//i.test(userAgent ?? '');
}
