import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders, type SecurityHeaderOptions } from '@/lib/http/security-headers';

const production: SecurityHeaderOptions = { nonce: 'bm9uY2Utb25l', https: true, frameAncestors: ["'self'"], imageOrigins: [], development: false };
const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('security headers', () => {
  it('scripts run only with the request nonce: no unsafe-inline, no eval, nothing from elsewhere', () => {
    const script = directives(contentSecurityPolicy(production)).get('script-src')!;
    expect(script).toEqual(["'self'", "'nonce-bm9uY2Utb25l'", "'strict-dynamic'"]);
    const csp = directives(contentSecurityPolicy(production));
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
  });

  it('next dev gets eval and its websocket, production never', () => {
    const dev = directives(contentSecurityPolicy({ ...production, development: true }));
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    expect(dev.get('connect-src')).toContain('ws:');
    expect(directives(contentSecurityPolicy(production)).get('connect-src')).toEqual(["'self'"]);
  });

  it('HSTS only on https; the OAuth callback sends no Referer at all', () => {
    expect(securityHeaders('/', production)['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    expect(securityHeaders('/', { ...production, https: false })).not.toHaveProperty('strict-transport-security');
    expect(securityHeaders('/', production)['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(securityHeaders('/api/wecom/callback', production)['referrer-policy']).toBe('no-referrer');
    expect(securityHeaders('/api/me', production)['x-content-type-options']).toBe('nosniff');
  });

  it('a deployment that embeds the app names who may frame it, and X-Frame-Options steps aside', () => {
    const embedded = securityHeaders('/', { ...production, frameAncestors: ["'self'", 'https://intranet.example.com'] });
    expect(directives(embedded['content-security-policy']).get('frame-ancestors')).toEqual(["'self'", 'https://intranet.example.com']);
    expect(embedded).not.toHaveProperty('x-frame-options');
    expect(securityHeaders('/', production)['x-frame-options']).toBe('SAMEORIGIN');
  });
});
