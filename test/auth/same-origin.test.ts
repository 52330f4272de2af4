import { describe, expect, it } from 'vitest';
import { isSameOriginNavigation } from '@/lib/auth/same-origin';

const APP_URL = 'https://portal.example.com';
const navigation = (headers: Record<string, string>) => ({ headers: new Headers(headers) });

describe('a navigation that may end the session (GET /auth/sign-in)', () => {
  it('is one this site started, or the user typed, bookmarked or reloaded', () => {
    expect(isSameOriginNavigation(navigation({ 'sec-fetch-site': 'same-origin' }), APP_URL)).toBe(true);
    expect(isSameOriginNavigation(navigation({ 'sec-fetch-site': 'none' }), APP_URL)).toBe(true);
  });

  it('is not a link, form or redirect from another site, a sibling subdomain included', () => {
    expect(isSameOriginNavigation(navigation({ 'sec-fetch-site': 'cross-site' }), APP_URL)).toBe(false);
    expect(isSameOriginNavigation(navigation({ 'sec-fetch-site': 'same-site' }), APP_URL)).toBe(false);
    // Sec-Fetch-Site wins over a Referer that names the app (a browser sends both).
    expect(isSameOriginNavigation(navigation({ 'sec-fetch-site': 'cross-site', referer: `${APP_URL}/` }), APP_URL)).toBe(false);
  });

  it('without Sec-Fetch-Site, is judged by a Referer on the app\'s own origin, and is refused with neither', () => {
    expect(isSameOriginNavigation(navigation({ referer: `${APP_URL}/admin?q=1` }), APP_URL)).toBe(true);
    expect(isSameOriginNavigation(navigation({ referer: 'https://evil.example/' }), APP_URL)).toBe(false);
    expect(isSameOriginNavigation(navigation({ referer: 'http://portal.example.com/' }), APP_URL)).toBe(false);
    expect(isSameOriginNavigation(navigation({ referer: 'not a url' }), APP_URL)).toBe(false);
    expect(isSameOriginNavigation(navigation({}), APP_URL)).toBe(false);
  });
});
