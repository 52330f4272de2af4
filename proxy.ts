import type { NextRequest } from 'next/server';
import { gateRequest } from '@/lib/auth/proxy-gate';
import { getConfig } from '@/lib/config';
import { newNonce, securityHeaders } from '@/lib/http/security-headers';

// Next 16 calls this file what earlier versions called middleware.ts; it runs on Node.
export async function proxy(request: NextRequest) {
  const config = getConfig();
  const headers = securityHeaders(request.nextUrl.pathname, {
    nonce: newNonce(),
    https: config.appUrl.startsWith('https://'),
    frameAncestors: config.frameAncestors,
    // The mock of WeCom serves its avatars over plain http; WeCom's own are https.
    imageOrigins: config.apiBase.startsWith('http://') ? [new URL(config.apiBase).origin] : [],
    development: process.env.NODE_ENV === 'development',
  });
  // Next.js finds the nonce in the request's CSP header and puts it on the scripts it renders.
  const forwarded = new Headers(request.headers);
  forwarded.set('content-security-policy', headers['content-security-policy']);
  const response = await gateRequest(request, forwarded);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets and files with an extension (favicon, images) never need a session.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|gif|svg|ico|webp|css|js|txt|woff2?)$).*)'],
};
