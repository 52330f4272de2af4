import { describe, expect, it } from 'vitest';
import { MAX_PAGE_URL_LENGTH, signablePageUrl } from '@/lib/jssdk/page-url';

const APP = 'https://portal.example.com';
const errorOf = (candidate: string | null | undefined, appUrl = APP) => {
  const check = signablePageUrl(candidate, appUrl);
  return check.ok ? 'ok' : check.error;
};

describe('which page URLs are signed', () => {
  it('signs a page of the app, exactly as given', () => {
    expect(signablePageUrl(`${APP}/`, APP)).toEqual({ ok: true, url: `${APP}/` });
    expect(signablePageUrl(`${APP}/?from=workbench&x=%E4%B8%AD`, APP)).toEqual({ ok: true, url: `${APP}/?from=workbench&x=%E4%B8%AD` });
  });

  it('strips the fragment', () => {
    expect(signablePageUrl(`${APP}/?from=workbench#wechat_redirect`, APP)).toEqual({ ok: true, url: `${APP}/?from=workbench` });
    expect(signablePageUrl(`${APP}/#a#b`, APP)).toEqual({ ok: true, url: `${APP}/` });
  });

  it('refuses a missing url', () => {
    expect(errorOf(null)).toBe('url_missing');
    expect(errorOf(undefined)).toBe('url_missing');
    expect(errorOf('')).toBe('url_missing');
  });

  it('refuses other origins: host, scheme, port, look-alikes', () => {
    for (const foreign of [
      'https://evil.example/',
      'http://portal.example.com/',
      'https://portal.example.com:8443/',
      'https://portal.example.com.evil.example/',
      'https://evil.example/?https://portal.example.com/',
      'https://user:pass@portal.example.com/',
      'https://portal.example.com@evil.example/',
    ]) {
      expect(errorOf(foreign), foreign).toBe('url_foreign_origin');
    }
  });

  it('refuses javascript:, data: and other schemes', () => {
    expect(errorOf('javascript:alert(1)')).toBe('url_foreign_origin');
    expect(errorOf(`javascript://portal.example.com/%0Aalert(1)`)).toBe('url_foreign_origin');
    expect(errorOf('data:text/html,hi')).toBe('url_foreign_origin');
  });

  it('refuses what is not an absolute address as location.href writes it', () => {
    for (const odd of ['/relative/path', 'portal.example.com/', `${APP}/a b`, 'https://portal.example.com\\@evil.example/', `${APP}/\u4e2d`, 'https://PORTAL.example.com/', APP]) {
      expect(errorOf(odd), odd).toBe('url_malformed');
    }
  });

  it('refuses an overlong url', () => {
    const long = `${APP}/?q=${'a'.repeat(MAX_PAGE_URL_LENGTH)}`;
    expect(errorOf(long)).toBe('url_too_long');
    const fits = `${APP}/?q=${'a'.repeat(MAX_PAGE_URL_LENGTH - APP.length - 4)}`;
    expect(fits.length).toBe(MAX_PAGE_URL_LENGTH);
    expect(errorOf(fits)).toBe('ok');
  });

  it('compares with the origin of APP_URL, default port or not', () => {
    expect(errorOf('https://portal.example.com/', 'https://portal.example.com:443')).toBe('ok');
    expect(errorOf('http://127.0.0.1:3000/x', 'http://127.0.0.1:3000')).toBe('ok');
    expect(errorOf('http://localhost:3000/x', 'http://127.0.0.1:3000')).toBe('url_foreign_origin');
  });
});
