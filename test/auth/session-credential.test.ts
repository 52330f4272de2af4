import { afterEach, describe, expect, it, vi } from 'vitest';
import { credentialOf, readBearerHeader, unsealCredential, type SessionCredential } from '@/lib/auth/session-credential';
import { sealSession, type SessionData } from '@/lib/auth/session-seal';

const SECRET = 'a-test-session-secret-of-at-least-32-characters';
const TTL = 600;
const config = { sessionSecret: SECRET, sessionTtlSeconds: TTL };

const session = (via: SessionData['via'], userid = 'hejing'): SessionData => ({ sid: 'sid-0123456789abcdef', userid, signedInAt: Date.now(), via });
const seal = (data: SessionData) => sealSession(data, SECRET, TTL);
const bearer = (sealed: string): SessionCredential => ({ kind: 'sealed', carrier: 'bearer', sealed });
const cookie = (sealed: string): SessionCredential => ({ kind: 'sealed', carrier: 'cookie', sealed });

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

describe('which credential a request presents', () => {
  it('is the cookie alone where only the cookie is accepted, whatever Authorization says', () => {
    expect(credentialOf('cookie', 'sealed-cookie', 'Bearer sealed-token')).toEqual(cookie('sealed-cookie'));
    expect(credentialOf('cookie', undefined, 'Bearer sealed-token')).toEqual({ kind: 'absent' });
  });

  it('is decided by a presented bearer token alone, even next to a cookie', () => {
    expect(credentialOf('cookie-or-bearer', 'sealed-cookie', 'Bearer sealed-token')).toEqual(bearer('sealed-token'));
    expect(credentialOf('cookie-or-bearer', 'sealed-cookie', 'Basic abc')).toEqual({ kind: 'malformed', carrier: 'bearer' });
    expect(credentialOf('cookie-or-bearer', 'sealed-cookie', null)).toEqual(cookie('sealed-cookie'));
  });
});

describe('a session and its carrier', () => {
  it('a mini-program session counts as a bearer token and a browser session as a cookie', async () => {
    expect(await unsealCredential(bearer(await seal(session('miniprogram'))), config)).toMatchObject({ userid: 'hejing', via: 'miniprogram' });
    expect(await unsealCredential(cookie(await seal(session('browser'))), config)).toMatchObject({ via: 'browser' });
    expect(await unsealCredential(cookie(await seal(session('in_app'))), config)).toMatchObject({ via: 'in_app' });
  });

  it('a mini-program bearer token is never accepted as the session cookie', async () => {
    expect(await unsealCredential(cookie(await seal(session('miniprogram'))), config)).toBeNull();
  });

  it('a browser cookie is never a bearer token', async () => {
    expect(await unsealCredential(bearer(await seal(session('browser'))), config)).toBeNull();
    expect(await unsealCredential(bearer(await seal(session('in_app'))), config)).toBeNull();
  });

  it('is refused when tampered with or sealed with another secret', async () => {
    const token = await seal(session('miniprogram'));
    const flipAt = (i: number) => token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    // Salt, ciphertext and MAC: a change anywhere the seal authenticates is refused.
    for (const tampered of [40, Math.floor(token.length / 2), token.length - 10].map(flipAt)) {
      expect(await unsealCredential(bearer(tampered), config)).toBeNull();
    }
    expect(await unsealCredential(bearer(token.slice(0, -5)), config)).toBeNull();
    const foreign = await sealSession(session('miniprogram'), 'another-secret-that-is-also-32-characters-long', TTL);
    expect(await unsealCredential(bearer(foreign), config)).toBeNull();
  });

  it.each(['miniprogram', 'browser'] as const)('a %s session ends at its lifetime, not a minute later', async (via) => {
    const credential = via === 'miniprogram' ? bearer(await seal(session(via))) : cookie(await seal(session(via)));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (TTL - 1) * 1000);
    expect(await unsealCredential(credential, config)).not.toBeNull();
    vi.setSystemTime(Date.now() + 1500);
    expect(await unsealCredential(credential, config)).toBeNull();
  });

  it('a session sealed before sessions had an id is no session', async () => {
    const { sealData } = await import('iron-session');
    const old = await sealData({ userid: 'hejing', signedInAt: Date.now(), via: 'browser' }, { password: SECRET, ttl: TTL });
    expect(await unsealCredential(cookie(old), config)).toBeNull();
  });
});
