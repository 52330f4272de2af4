import { describe, expect, it } from 'vitest';
import { readPendingLogins, sealPendingLogins } from '@/lib/auth/login-state';
import { sealSession, unsealSession } from '@/lib/auth/session-seal';

const secret = 'a-test-session-secret-of-at-least-32-characters';
const otherSecret = 'another-secret-that-is-also-32-characters-long';

describe('session cookie', () => {
  it('round-trips and stays small', async () => {
    const sealed = await sealSession({ sid: 'sid-0123456789abcdef', userid: 'chen.jie@hq', signedInAt: Date.now(), via: 'browser' }, secret, 3600);
    expect(await unsealSession(sealed, secret, 3600)).toMatchObject({ userid: 'chen.jie@hq', via: 'browser' });
    expect(sealed.length).toBeLessThan(600);
  });

  it.each([
    ['garbage', 'not-a-seal'],
    ['empty', ''],
    ['oversized', 'x'.repeat(5000)],
  ])('a %s cookie is no session', async (_, value) => {
    expect(await unsealSession(value, secret, 3600)).toBeNull();
  });

  it('a tampered or foreign-secret cookie is no session', async () => {
    const sealed = await sealSession({ sid: 'sid-0123456789abcdef', userid: 'li.na', signedInAt: Date.now(), via: 'in_app' }, secret, 3600);
    const flipped = sealed.slice(0, 40) + (sealed[40] === 'A' ? 'B' : 'A') + sealed.slice(41);
    expect(await unsealSession(flipped, secret, 3600)).toBeNull();
    expect(await unsealSession(sealed, otherSecret, 3600)).toBeNull();
  });

  it('a sealed object of another shape is no session', async () => {
    const { sealData } = await import('iron-session');
    const sealed = await sealData({ userid: 42 }, { password: secret, ttl: 3600 });
    expect(await unsealSession(sealed, secret, 3600)).toBeNull();
  });
});

describe('pending sign-in cookie', () => {
  it('keeps the last four states and drops garbage', async () => {
    const pending = Array.from({ length: 6 }, (_, i) => ({ state: `s${i}`, returnTo: '/', issuedAt: Date.now() }));
    const sealed = await sealPendingLogins(pending, secret, 600);
    expect((await readPendingLogins(sealed, secret, 600)).map((p) => p.state)).toEqual(['s2', 's3', 's4', 's5']);
    expect(await readPendingLogins('garbage', secret, 600)).toEqual([]);
    expect(await readPendingLogins(sealed, otherSecret, 600)).toEqual([]);
  });

  it('forgets states older than the sign-in window (SIGN_IN_STATE_SECONDS)', async () => {
    const sealed = await sealPendingLogins([{ state: 'old', returnTo: '/', issuedAt: Date.now() - 11 * 60_000 }], secret, 600);
    expect(await readPendingLogins(sealed, secret, 600)).toEqual([]);
    const recent = await sealPendingLogins([{ state: 'recent', returnTo: '/', issuedAt: Date.now() - 90_000 }], secret, 600);
    expect((await readPendingLogins(recent, secret, 600)).map((p) => p.state)).toEqual(['recent']);
    expect(await readPendingLogins(recent, secret, 60)).toEqual([]);
  });
});
