import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { preferredLocale } from '@/lib/i18n/locale';
import { cookieAttributes, sessionCookieName } from './cookies';
import { renderInactivePage } from './inactive-page';
import { safeReturnPath } from './safe-return-path';
import { startLogin } from './start-login';

/**
 * `GET /auth/sign-in?returnTo=/path`: where a page sends a visitor whose session has ended
 * (signed out elsewhere, revoked, expired). It clears the cookie before starting a fresh
 * sign-in, so the proxy never lets the dead session through to the page again: no loop.
 */
export async function handleSignInAgain(request: NextRequest): Promise<NextResponse> {
  const config = getConfig();
  const response = await startLogin(request, config, safeReturnPath(request.nextUrl.searchParams.get('returnTo')));
  response.cookies.set(sessionCookieName(config.appUrl), '', cookieAttributes(config.appUrl, 0));
  return response;
}

/** `GET /auth/inactive`: the explanation for a member WeCom no longer counts as active. */
export function handleInactive(request: NextRequest): Promise<NextResponse> {
  return renderInactivePage(preferredLocale(request.headers.get('accept-language')), getConfig().corpId);
}
