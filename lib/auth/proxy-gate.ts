import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { preferredLocale } from '@/lib/i18n/locale';
import { messagesFor } from '@/lib/i18n/messages';
import { apiDenial } from './api-denial';
import { escapeHtml } from '@/lib/ui/notice';
import { renderAuthPage } from './auth-page';
import { sessionCookieName } from './cookies';
import { credentialOf, unsealCredential } from './session-credential';
import { startLogin } from './start-login';

/**
 * Paths that never need a session: the sign-in callbacks (web and mini-program), WeCom's
 * event callbacks, health checks, metrics (their own token), signing in and out and their pages.
 */
export const PUBLIC_PATHS = [
  '/api/wecom/callback',
  '/api/wecom/miniprogram/login',
  '/api/wecom/events',
  '/api/wecom/domain-verification',
  '/api/health',
  '/api/metrics',
  '/signed-out',
  '/auth/sign-out',
  '/auth/sign-in',
  '/auth/inactive',
  '/auth/notice',
];

/** APIs the mini-program calls with `Authorization: Bearer …` instead of the cookie. */
export const BEARER_PATHS = ['/api/me'];

/** The path the proxy saw, so a page can send a rejected visitor back to it after signing in again. */
export const REQUEST_PATH_HEADER = 'x-portal-request-path';

/** WeCom's domain-ownership files (/WW_verify_….txt): the console fetches them without a session. */
const DOMAIN_VERIFICATION_PREFIX = '/WW_verify_';

export function isPublicPath(pathname: string): boolean {
  return pathname.startsWith(DOMAIN_VERIFICATION_PREFIX) || PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * The proxy's cheap, optimistic check: does the request carry a session that unseals for
 * its carrier? It reads no store and asks no WeCom; the session door (lib/auth/dal.ts)
 * decides next to the data. This only decides where to send a visitor. `forwarded` are
 * the request headers the app will see (the proxy has added the CSP nonce to them).
 */
export async function gateRequest(request: NextRequest, forwarded: Headers = new Headers(request.headers)): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (!isDecodable(pathname)) return badPathAnswer(request);
  const config = getConfig();
  const canonical = otherHostThanAppUrl(request, config);
  if (canonical) return toAppUrl(`${canonical}${pathname}${search}`);
  if (isPublicPath(pathname)) return NextResponse.next({ request: { headers: forwarded } });

  const accept = BEARER_PATHS.includes(pathname) ? 'cookie-or-bearer' : 'cookie';
  const credential = credentialOf(accept, request.cookies.get(sessionCookieName(config.appUrl))?.value, request.headers.get('authorization'));
  if (await unsealCredential(credential, config)) {
    forwarded.set(REQUEST_PATH_HEADER, pathname + search);
    return NextResponse.next({ request: { headers: forwarded } });
  }

  const isPageNavigation = (request.method === 'GET' || request.method === 'HEAD') && !pathname.startsWith('/api/');
  if (!isPageNavigation) {
    return apiDenial({ problem: credential.kind === 'absent' ? 'absent' : 'invalid' }, accept);
  }
  return startLogin(request, config, pathname + search);
}

/** `%ZZ`, a cut-off `%E0%A4%A` or a lone `%`: Next.js would fail decoding the route's params with a 500. */
function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function badPathAnswer(request: NextRequest): NextResponse {
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json({ error: 'bad_path', message: 'The path has malformed percent-encoding.' }, { status: 400, headers: { 'cache-control': 'no-store' } });
  }
  const locale = preferredLocale(request.headers.get('accept-language'));
  const t = messagesFor(locale).signIn;
  return renderAuthPage({ status: 400, locale, testId: 'bad-path', title: t.badPathTitle, body: t.badPathBody, action: { label: t.home, href: '/' } });
}

/**
 * Not a 3xx: Next.js treats localhost and 127.0.0.1 as one origin and rewrites such a
 * Location to a relative one, which would send the browser back to where it is, forever.
 * A Refresh header (and the same link on the page) moves it instead.
 */
function toAppUrl(target: string): NextResponse {
  const href = escapeHtml(target);
  return new NextResponse(`<!doctype html><meta charset="utf-8"><title>wecom-portal</title><p>This app runs at <a href="${href}">${href}</a>.</p>`, {
    status: 200,
    headers: { refresh: `0; url=${target}`, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * Outside production, a page opened on another host than APP_URL's (127.0.0.1 for
 * localhost, as `next dev` prints both) goes to APP_URL first: cookies belong to one host,
 * and WeCom sends the visitor back to APP_URL, where the sign-in state cookie is not.
 * Production leaves the Host header to the reverse proxy in front.
 */
export function otherHostThanAppUrl(request: NextRequest, config: { appUrl: string; production: boolean }): string | null {
  if (config.production || !['GET', 'HEAD'].includes(request.method) || request.nextUrl.pathname.startsWith('/api/')) return null;
  const host = request.headers.get('host');
  const canonical = new URL(config.appUrl);
  return host && host !== canonical.host ? canonical.origin : null;
}
