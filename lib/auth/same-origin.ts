import type { NextRequest } from 'next/server';

/**
 * Whether a state-changing request comes from the app's own pages: the Origin header when
 * the browser sends one, else Sec-Fetch-Site. Neither present means no browser vouched for it.
 */
export function isSameOriginRequest(request: NextRequest, appUrl: string): boolean {
  const origin = request.headers.get('origin');
  if (origin) return origin === new URL(appUrl).origin;
  return request.headers.get('sec-fetch-site') === 'same-origin';
}

/**
 * Whether a GET navigation was started by this site's own pages, or by the user (typed,
 * bookmarked, reloaded): Sec-Fetch-Site `same-origin` or `none`. A link, form or script on
 * another site gives `cross-site` or `same-site`, and so does every redirect after a hop
 * through another site. A browser that sends no Sec-Fetch-Site (older ones; plain http
 * outside localhost) is judged by its Referer, which the app's pages send in full to their
 * own origin. Neither present: nothing vouches for the navigation.
 */
export function isSameOriginNavigation(request: { headers: Headers }, appUrl: string): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin' || site === 'none';
  const referer = request.headers.get('referer');
  return referer !== null && URL.canParse(referer) && new URL(referer).origin === new URL(appUrl).origin;
}
