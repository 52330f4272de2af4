// Builds redirect_uri?code=CODE&state=STATE the way WeCom does: the caller's URL is kept byte
// for byte (no re-encoding of its own query), the fragment stays last.

export function buildCallbackUrl(redirectUri: string, code: string | undefined, state: string | undefined): string {
  const hashAt = redirectUri.indexOf('#');
  const base = hashAt === -1 ? redirectUri : redirectUri.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : redirectUri.slice(hashAt);
  const params = [
    ...(code !== undefined ? [`code=${encodeURIComponent(code)}`] : []),
    ...(state !== undefined ? [`state=${state}`] : []),
  ];
  if (params.length === 0) return redirectUri;
  const joiner = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${joiner}${params.join('&')}${fragment}`;
}
