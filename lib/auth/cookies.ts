/**
 * Names and attributes of the app's two cookies, shared by the proxy, the callback and
 * sign-out. On https the names carry the `__Host-` prefix: the browser then accepts them
 * only with Secure, Path=/ and no Domain, so a sibling subdomain cannot plant or shadow one.
 */
const isHttps = (appUrl: string) => appUrl.startsWith('https://');

export function sessionCookieName(appUrl: string): string {
  return isHttps(appUrl) ? '__Host-wecom_portal_session' : 'wecom_portal_session';
}

export function loginStateCookieName(appUrl: string): string {
  return isHttps(appUrl) ? '__Host-wecom_portal_login' : 'wecom_portal_login';
}

export function cookieAttributes(appUrl: string, maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isHttps(appUrl),
    path: '/',
    maxAge: maxAgeSeconds,
  };
}
