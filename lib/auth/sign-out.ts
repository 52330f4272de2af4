import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { SESSION_COOKIE, cookieAttributes } from './cookies';
import { isSameOriginRequest } from './same-origin';

/**
 * Sign-out is a POST from this site only: a link or a form on another site must not be
 * able to sign a member out. Afterwards the signed-out page, which does not sign in again.
 */
export function handleSignOut(request: NextRequest): NextResponse {
  const config = getConfig();
  if (!isSameOriginRequest(request, config.appUrl)) {
    log.warn('signout.cross_origin_rejected', { origin: request.headers.get('origin') });
    return NextResponse.json({ error: 'forbidden', message: 'Sign-out must come from this site.' }, { status: 403 });
  }
  const response = new NextResponse(null, { status: 303, headers: { location: `${config.appUrl}/signed-out`, 'cache-control': 'no-store' } });
  response.cookies.set(SESSION_COOKIE, '', cookieAttributes(config.appUrl, 0));
  return response;
}
