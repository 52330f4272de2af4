import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiSessionOf, readBearerHeader, sessionFromBearer } from '@/lib/auth/bearer';
import { SESSION_COOKIE } from '@/lib/auth/cookies';
import { sealSession, type SessionData } from '@/lib/auth/session-seal';

const SECRET = 'a-test-session-secret-of-at-least-32-characters';
const TTL = 600;
const config = { sessionSecret: SECRET, sessionTtlSeconds: TTL };

const miniProgramSession = (): SessionData => ({ userid: 'hejing', signedInAt: Date.now(), via: 'miniprogram' });
const tokenFor = (session: SessionData = miniProgramSession()) => sealSession(session, SECRET, TTL);

afterEach(() => {
  vi.useRealTimers();
});

describe('reading the Authorization header', () => {
  it('finds a bearer token, in any case of the scheme', () => {
    expect(readBearerHeader('Bearer abc*def~2')).toEqual({ kind: 'token', token: 'abc*def~2' });
    expect(readBearerHeader('bearer abc')).toEqual({ kind: 'token', token: 'abc' });
  });

  it('tells a missing header from a malformed one', () => {
    for (const absent of [null, undefined, '', '   ']) expect(readBearerHeader(absent)).toEqual({ kind: 'absent' });
    for (const malformed of ['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'abc', 'Bearer a b', `Bearer ${'a'.repeat(4097)}`, 'Bearer 中文']) {
      expect(readBearerHeader(malformed), malformed.slice(0, 20)).toEqual({ kind: 'malformed' });
    }
  });
});

describe('a bearer token', () => {
  it('carries the mini-program session it was sealed with', async () => {
    const session = miniProgramSession();
    expect(await sessionFromBearer(`Bearer ${await tokenFor(session)}`, SECRET, TTL)).toEqual(session);
  });

  it('is refused when missing, malformed or tampered with', async () => {
    const token = await tokenFor();
    const flipAt = (i: number) => token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    // Salt, ciphertext and MAC: a change anywhere the seal authenticates is refused.
    const tampered = [40, Math.floor(token.length / 2), token.length - 10].map(flipAt);
    for (const header of [null, 'Bearer', `Basic ${token}`, `Bearer ${token.slice(0, -5)}`, ...tampered.map((t) => `Bearer ${t}`)]) {
      expect(await sessionFromBearer(header, SECRET, TTL), String(header).slice(0, 30)).toBeNull();
    }
  });

  it('is refused when sealed with another secret', async () => {
    const other = await sealSession(miniProgramSession(), 'another-secret-that-is-also-32-characters-long', TTL);
    expect(await sessionFromBearer(`Bearer ${other}`, SECRET, TTL)).toBeNull();
  });

  it('ends at its expiresAt, not a minute later', async () => {
    const token = await tokenFor();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (TTL - 1) * 1000);
    expect(await sessionFromBearer(`Bearer ${token}`, SECRET, TTL)).not.toBeNull();
    vi.setSystemTime(Date.now() + 2000);
    expect(await sessionFromBearer(`Bearer ${token}`, SECRET, TTL)).toBeNull();
  });

  it('must have been issued to the mini-program: a browser session is not a bearer token', async () => {
    const cookieValue = await tokenFor({ userid: 'hejing', signedInAt: Date.now(), via: 'browser' });
    expect(await sessionFromBearer(`Bearer ${cookieValue}`, SECRET, TTL)).toBeNull();
  });
});

describe('the session of an API request', () => {
  const request = (headers: Record<string, string>) => new NextRequest('http://127.0.0.1:3000/api/me', { headers });

  it('comes from the bearer token or from the cookie', async () => {
    const token = await tokenFor();
    expect(await apiSessionOf(request({ authorization: `Bearer ${token}` }), config)).toMatchObject({ carrier: 'bearer', session: { userid: 'hejing' } });
    const cookie = await tokenFor({ userid: 'zhangwei', signedInAt: Date.now(), via: 'browser' });
    expect(await apiSessionOf(request({ cookie: `${SESSION_COOKIE}=${cookie}` }), config)).toMatchObject({ carrier: 'cookie', session: { userid: 'zhangwei' } });
    expect(await apiSessionOf(request({}), config)).toBeNull();
  });

  it('is decided by a presented bearer token alone, even next to a valid cookie', async () => {
    const cookie = await tokenFor({ userid: 'zhangwei', signedInAt: Date.now(), via: 'browser' });
    expect(await apiSessionOf(request({ cookie: `${SESSION_COOKIE}=${cookie}`, authorization: 'Bearer tampered' }), config)).toBeNull();
    expect(await apiSessionOf(request({ cookie: `${SESSION_COOKIE}=${cookie}`, authorization: 'Basic abc' }), config)).toBeNull();
  });
});
