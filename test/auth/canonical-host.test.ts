import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { otherHostThanAppUrl } from '@/lib/auth/proxy-gate';

const dev = { appUrl: 'http://localhost:3000', production: false };
const at = (url: string, method = 'GET') => new NextRequest(url, { method, headers: { host: new URL(url).host } });

describe('the host pages are opened on, in development', () => {
  it('127.0.0.1 goes to APP_URL\'s localhost before sign-in starts, so the state cookie and the callback share a host', () => {
    expect(otherHostThanAppUrl(at('http://127.0.0.1:3000/admin?q=x'), dev)).toBe('http://localhost:3000');
    expect(otherHostThanAppUrl(at('http://localhost:3000/admin'), dev)).toBeNull();
  });

  it('APIs, POSTs and production are left alone', () => {
    expect(otherHostThanAppUrl(at('http://127.0.0.1:3000/api/health'), dev)).toBeNull();
    expect(otherHostThanAppUrl(at('http://127.0.0.1:3000/auth/sign-out', 'POST'), dev)).toBeNull();
    expect(otherHostThanAppUrl(at('http://10.0.0.5:3000/'), { appUrl: 'https://portal.example.com', production: true })).toBeNull();
  });
});
