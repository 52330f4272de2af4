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
