// Parameter checks of the two login entry points, in the order WeCom reports them. A rejection
// becomes WeCom's HTML error page; it never redirects, since the redirect_uri is not trusted yet.

import { DEFAULT_AGENT_ID, MOCK_CORP_ID, findAppByAgentId } from '../credentials';
import type { OAuthScope } from '../grants';
import { isTrustedHost } from '../settings';

export type LoginFlow = 'oauth' | 'sso';
export type PageLang = 'zh' | 'en';

export interface LoginRequest {
  flow: LoginFlow;
  redirectUri: string;
  state?: string;
  /** SSO has no scope: its codes never yield a user_ticket. */
  scope: OAuthScope | null;
  /** The app that may exchange the code; DEFAULT_AGENT_ID when the in-app URL had none. */
  agentId: number;
  lang: PageLang;
}

export interface LoginRejection {
  errcode: number;
  reason: string;
}

export type LoginCheck = { ok: true; request: LoginRequest } | { ok: false; rejection: LoginRejection };

const SCOPES: readonly OAuthScope[] = ['snsapi_base', 'snsapi_privateinfo', 'snsapi_userinfo'];
const STATE_SHAPE = /^[A-Za-z0-9]*$/;
const MAX_STATE_BYTES = 128;

class Rejected extends Error {
  constructor(readonly rejection: LoginRejection) {
    super(rejection.reason);
  }
}

function reject(errcode: number, reason: string): never {
  throw new Rejected({ errcode, reason });
}

function checkAppId(query: URLSearchParams): void {
  const appid = query.get('appid');
  if (!appid) reject(40013, 'appid 参数缺失 (appid missing: it must be the CorpID)');
  if (appid !== MOCK_CORP_ID) reject(40013, `appid 不是企业的 CorpID (invalid corpid "${appid}")`);
}

function checkRedirectUri(query: URLSearchParams, trustedDomains: string[]): string {
  const raw = query.get('redirect_uri');
  if (!raw) reject(40058, 'redirect_uri 参数缺失 (redirect_uri missing)');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    reject(40058, 'redirect_uri 不是合法的绝对地址 (redirect_uri is not an absolute URL; did you URL-encode it?)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') reject(40058, 'redirect_uri 必须是 http 或 https 地址');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (!isTrustedHost(trustedDomains, url.hostname.toLowerCase(), port)) {
    reject(50001, `redirect_uri 域名 ${url.host} 与应用的可信域名不一致 (redirect_uri domain is not the app's trusted domain)`);
  }
  return raw;
}

function checkState(query: URLSearchParams): string | undefined {
  const state = query.get('state');
  if (state === null || state === '') return undefined;
  if (!STATE_SHAPE.test(state)) reject(40058, 'state 只能包含 a-zA-Z0-9 (state may only contain a-z, A-Z and 0-9)');
  if (Buffer.byteLength(state) > MAX_STATE_BYTES) reject(40058, `state 不能超过 ${MAX_STATE_BYTES} 字节 (state longer than 128 bytes)`);
  return state;
}

/** agentid when present must name a known app; `required` decides whether it may be absent. */
function checkAgentId(query: URLSearchParams, required: boolean, why: string): number | undefined {
  const raw = query.get('agentid');
  if (raw === null || raw === '') {
    if (required) reject(41011, `缺少 agentid (agentid missing: ${why})`);
    return undefined;
  }
  const agentId = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!findAppByAgentId(agentId)) reject(40056, `agentid ${raw} 不是企业的应用 (invalid agentid)`);
  return agentId;
}

function checkLang(query: URLSearchParams): PageLang {
  const lang = query.get('lang');
  if (lang === null || lang === '' || lang === 'zh') return 'zh';
  if (lang === 'en') return 'en';
  return reject(40058, 'lang 只能是 zh 或 en (lang must be zh or en)');
}

function run(check: () => LoginRequest): LoginCheck {
  try {
    return { ok: true, request: check() };
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, rejection: error.rejection };
    throw error;
  }
}

/** In-app OAuth: open.weixin.qq.com/connect/oauth2/authorize. */
export function checkOAuthRequest(query: URLSearchParams, trustedDomains: string[]): LoginCheck {
  return run(() => {
    checkAppId(query);
    const redirectUri = checkRedirectUri(query, trustedDomains);
    if (query.get('response_type') !== 'code') reject(40058, 'response_type 必须为 code (response_type must be "code")');
    const scope = query.get('scope') as OAuthScope;
    if (!SCOPES.includes(scope)) reject(40058, `scope 必须是 ${SCOPES.join(' / ')} 之一 (invalid scope)`);
    const state = checkState(query);
    const agentId = checkAgentId(query, scope === 'snsapi_privateinfo', 'snsapi_privateinfo requires agentid');
    return { flow: 'oauth', redirectUri, state, scope, agentId: agentId ?? DEFAULT_AGENT_ID, lang: 'zh' };
  });
}

/** Browser QR login: login.work.weixin.qq.com/wwlogin/sso/login. */
export function checkSsoRequest(query: URLSearchParams, trustedDomains: string[]): LoginCheck {
  return run(() => {
    if (query.get('login_type') !== 'CorpApp') reject(40058, 'login_type 必须为 CorpApp (login_type must be "CorpApp")');
    checkAppId(query);
    const agentId = checkAgentId(query, true, 'the QR login names the app that signs in')!;
    const redirectUri = checkRedirectUri(query, trustedDomains);
    const state = checkState(query);
    return { flow: 'sso', redirectUri, state, scope: null, agentId, lang: checkLang(query) };
  });
}

export function checkLoginRequest(flow: LoginFlow, query: URLSearchParams, trustedDomains: string[]): LoginCheck {
  return flow === 'oauth' ? checkOAuthRequest(query, trustedDomains) : checkSsoRequest(query, trustedDomains);
}
