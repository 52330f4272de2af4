/** Names and attributes of the app's two cookies, shared by the proxy, the callback and sign-out. */
export const SESSION_COOKIE = 'wecom_portal_session';
export const LOGIN_STATE_COOKIE = 'wecom_portal_login';
export const LOGIN_STATE_TTL_SECONDS = 600;

export function cookieAttributes(appUrl: string, maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: appUrl.startsWith('https://'),
    path: '/',
    maxAge: maxAgeSeconds,
  };
}
