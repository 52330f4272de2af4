import { CALLBACK_PATH } from '@/lib/auth/start-login';

/**
 * The security headers of every response the proxy sees, pages and APIs alike. The
 * Content-Security-Policy carries a fresh nonce per request: Next.js reads it from the
 * request's own CSP header and puts it on every script it renders, so no inline script runs
 * without it and 'strict-dynamic' lets those scripts load the app's chunks.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  /** https deployments get HSTS; plain http (local development) must not. */
  https: boolean;
  /** Who may frame the app: 'self' unless a deployment embeds it elsewhere (FRAME_ANCESTORS). */
  frameAncestors: string[];
  /** Origins of pictures besides https: (the mock of WeCom serves avatars over http). */
  imageOrigins: string[];
  /** `next dev` evaluates code with eval() for fast refresh; production never does. */
  development: boolean;
}

export function contentSecurityPolicy(o: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.development ? " 'unsafe-eval'" : ''}`,
    // React renders style attributes (skeleton sizes); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", 'data:', 'blob:', 'https:', ...o.imageOrigins].join(' '),
    "font-src 'self'",
    `connect-src 'self'${o.development ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${o.frameAncestors.join(' ')}`,
    ...(o.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function securityHeaders(pathname: string, o: SecurityHeaderOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(o),
    'x-content-type-options': 'nosniff',
    // Older browsers ignore frame-ancestors; only 'self' has an X-Frame-Options twin.
    ...(o.frameAncestors.length === 1 && o.frameAncestors[0] === "'self'" ? { 'x-frame-options': 'SAMEORIGIN' } : {}),
    // The callback's URL carries the OAuth code: it must not leave in a Referer.
    'referrer-policy': pathname === CALLBACK_PATH ? 'no-referrer' : 'strict-origin-when-cross-origin',
    // Camera: the WeCom client's own scanner is used, never the browser's.
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    ...(o.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** A nonce per response: 128 random bits, base64 as CSP expects. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
