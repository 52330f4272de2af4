import { NextResponse, type NextRequest } from 'next/server';
import { gateRequest } from '@/lib/auth/proxy-gate';
import { renderAuthPage } from '@/lib/auth/auth-page';
import { getConfig } from '@/lib/config';
import { internalErrorJson, thrownName } from '@/lib/http/internal-error';
import { newNonce, securityHeaders } from '@/lib/http/security-headers';
import { preferredLocale } from '@/lib/i18n/locale';
import { messagesFor } from '@/lib/i18n/messages';
import { log } from '@/lib/log';

// Next 16 calls this file what earlier versions called middleware.ts; it runs on Node.
export async function proxy(request: NextRequest): Promise<NextResponse> {
  try {
    return await guard(request);
  } catch (error) {
    // Left to Next.js, a throw here is a 500 with an empty body, and under `next dev` a page
    // that reloads itself whenever the proxy is recompiled: a blank, flickering screen.
    const { pathname } = request.nextUrl;
    log.error('proxy.failed', { path: pathname, error: thrownName(error) });
    if (pathname.startsWith('/api/')) return internalErrorJson();
    const locale = preferredLocale(request.headers.get('accept-language'));
    const t = messagesFor(locale).errors;
    return renderAuthPage({ status: 500, locale, testId: 'proxy-failed', title: t.title, body: t.body, action: { label: t.retry, href: '/' } });
  }
}

async function guard(request: NextRequest): Promise<NextResponse> {
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
