/**
 * Which page URL the server signs: only a page of this app. A signature is a credential
 * for calling WeCom client features from that URL, so a URL on any other origin, or
 * anything that is not a plain http(s) page address, is refused.
 */
export const MAX_PAGE_URL_LENGTH = 2048;

export type PageUrlProblem = 'url_missing' | 'url_too_long' | 'url_malformed' | 'url_foreign_origin';

export type PageUrlCheck = { ok: true; url: string } | { ok: false; error: PageUrlProblem; message: string };

export function signablePageUrl(candidate: string | null | undefined, appUrl: string): PageUrlCheck {
  if (!candidate) return { ok: false, error: 'url_missing', message: 'Pass the page address as ?url=<location.href without #fragment>.' };
  if (candidate.length > MAX_PAGE_URL_LENGTH) {
    return { ok: false, error: 'url_too_long', message: `url must be at most ${MAX_PAGE_URL_LENGTH} characters.` };
  }

  const url = candidate.split('#')[0];
  const malformed = { ok: false, error: 'url_malformed', message: 'url must be an absolute http(s) address, as location.href gives it.' } as const;
  // location.href is always printable ASCII; a backslash or a space would be read differently by different parsers.
  if (!/^[\x21-\x7e]+$/.test(url) || url.includes('\\') || !URL.canParse(url)) return malformed;

  const parsed = new URL(url);
  const appOrigin = new URL(appUrl).origin;
  if (parsed.origin !== appOrigin || parsed.username !== '' || parsed.password !== '') {
    return { ok: false, error: 'url_foreign_origin', message: `Only pages of this app (${appOrigin}) are signed.` };
  }
  // Signed exactly as given, because the WeCom client signs the page's own href; a
  // spelling that is not how a browser writes this origin can never match it.
  if (!url.startsWith(`${appOrigin}/`)) return malformed;
  return { ok: true, url };
}
