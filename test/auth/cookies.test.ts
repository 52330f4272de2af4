import { describe, expect, it } from 'vitest';
import { cookieAttributes, loginStateCookieName, sessionCookieName } from '@/lib/auth/cookies';

describe('cookie names and attributes', () => {
  it('on an https APP_URL the cookies carry the __Host- prefix and the attributes the browser demands for it', () => {
    expect(sessionCookieName('https://portal.example.com')).toBe('__Host-wecom_portal_session');
    expect(loginStateCookieName('https://portal.example.com')).toBe('__Host-wecom_portal_login');
    // A __Host- cookie without Secure, with a Domain or another Path is dropped by the browser.
    expect(cookieAttributes('https://portal.example.com', 60)).toMatchObject({ secure: true, path: '/', httpOnly: true });
    expect(cookieAttributes('https://portal.example.com', 60)).not.toHaveProperty('domain');
  });

  it('on plain http (local development) the names have no prefix, which a browser would refuse without Secure', () => {
    expect(sessionCookieName('http://localhost:3000')).toBe('wecom_portal_session');
    expect(loginStateCookieName('http://127.0.0.1:3000')).toBe('wecom_portal_login');
    expect(cookieAttributes('http://localhost:3000', 60).secure).toBe(false);
  });
});
