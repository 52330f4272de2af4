import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { sessionFromBearer } from './bearer';
import { SESSION_COOKIE } from './cookies';
import { unsealSession } from './session-seal';
import { startLogin } from './start-login';

/**
 * Paths that never need a session: the sign-in callbacks (web and mini-program), health
 * checks, signing out and its page.
 */
export const PUBLIC_PATHS = ['/api/wecom/callback', '/api/wecom/miniprogram/login', '/api/health', '/signed-out', '/auth/sign-out'];

/** APIs the mini-program calls with `Authorization: Bearer …` instead of the cookie. */
export const BEARER_PATHS = ['/api/me'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * The proxy's cheap, optimistic check: is there a session cookie that unseals? Pages and
 * route handlers check again next to the data; this only decides where to send a visitor.
 */
export async function gateRequest(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();

  const config = getConfig();
  const session = await unsealSession(request.cookies.get(SESSION_COOKIE)?.value, config.sessionSecret, config.sessionTtlSeconds);
  if (session) return NextResponse.next();
  if (BEARER_PATHS.includes(pathname)) {
    const bearer = await sessionFromBearer(request.headers.get('authorization'), config.sessionSecret, config.sessionTtlSeconds);
    if (bearer) return NextResponse.next();
  }

  const isPageNavigation = (request.method === 'GET' || request.method === 'HEAD') && !pathname.startsWith('/api/');
  if (!isPageNavigation) {
    return NextResponse.json(
      { error: 'unauthenticated', message: 'Sign in first: this API needs a session.' },
      { status: 401, headers: { 'cache-control': 'no-store' } },
    );
  }
  return startLogin(request, config, pathname + search);
}
