import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { cookieAttributes, sessionCookieName } from './cookies';
import { signInNoticeUrl } from './sign-in-notice';
import { isSameOriginNavigation } from './same-origin';
import { safeReturnPath } from './safe-return-path';
import { startLogin } from './start-login';

/**
 * `GET /auth/sign-in?returnTo=/path`: where a page sends a visitor whose session has ended
 * (signed out elsewhere, revoked, expired), and the "sign in with another account" link. It
 * starts a fresh sign-in; when the navigation came from this site (or the user), it also
 * clears the session cookie, so the proxy does not let a dead session through to the page
 * again. A link on another site only starts the sign-in: it must not be able to sign a
 * member out. Without the clearing there is still no loop: WeCom sends the visitor to the
 * callback, which replaces the cookie.
 */
export async function handleSignInAgain(request: NextRequest): Promise<NextResponse> {
  const config = getConfig();
  const response = await startLogin(request, config, safeReturnPath(request.nextUrl.searchParams.get('returnTo')));
  const cookieName = sessionCookieName(config.appUrl);
  if (isSameOriginNavigation(request, config.appUrl)) {
    response.cookies.set(cookieName, '', cookieAttributes(config.appUrl, 0));
  } else if (request.cookies.has(cookieName)) {
    log.info('signin.session_kept', { reason: request.headers.has('sec-fetch-site') ? 'cross_site_navigation' : 'navigation_not_vouched_for' });
  }
  return response;
}

/** `GET /auth/inactive`, an older address of the explanation: it now lives on the sign-in notice. */
export function handleInactive(): NextResponse {
  return NextResponse.redirect(signInNoticeUrl(getConfig().appUrl, 'inactive'), 303);
}
