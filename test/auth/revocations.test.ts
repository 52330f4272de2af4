import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionRevocations, type RevocationKeys } from '@/lib/auth/revocations';
import type { SessionData } from '@/lib/auth/session-seal';
import { RedisStore } from '@/lib/cache/redis-store';
import { ResilientStore } from '@/lib/cache/resilient-store';
import { MemoryStore } from '@/lib/cache/store';
import { startRedisServer, type RedisServer } from '../../harness/redis-server';

const keys: RevocationKeys = {
  revokedSession: (sid) => `test:revoked:session:${sid}`,
  memberSessionsNotBefore: (userid) => `test:revoked:member:${userid}`,
};
const TTL = 3600;
const session = (sid: string, userid: string, signedInAt: number): SessionData => ({ sid, userid, signedInAt, via: 'browser' });

describe('revoking sessions', () => {
  it('signing out ends that one session and no other of the same member', async () => {
    const revocations = new SessionRevocations(new MemoryStore(), keys, TTL);
    const phone = session('phone-session-000001', 'hejing', Date.now() - 1000);
    const laptop = session('laptop-session-00001', 'hejing', Date.now() - 1000);
    await revocations.revokeSession(phone);
    expect(await revocations.isRevoked(phone)).toBe(true);
    expect(await revocations.isRevoked(laptop)).toBe(false);
  });

  it('a member revocation ends every session issued up to it, and none signed in afterwards', async () => {
    let now = 1_800_000_000_000;
    const revocations = new SessionRevocations(new MemoryStore(() => now), keys, TTL, () => now);
    const before = session('before-session-00001', 'hejing', now - 60_000);
    const sameMoment = session('same-session-000001', 'hejing', now);
    const otherMember = session('other-session-00001', 'li.na', now - 60_000);
    await revocations.revokeMemberSessions('hejing');
    now += 5;
    const after = session('after-session-000001', 'hejing', now);
    expect(await revocations.isRevoked(before)).toBe(true);
    expect(await revocations.isRevoked(sameMoment)).toBe(true);
    expect(await revocations.isRevoked(after)).toBe(false);
    expect(await revocations.isRevoked(otherMember)).toBe(false);
  });

  it('an older revocation (an event delivered again) does not revive sessions a later one ended', async () => {
    let now = 1_800_000_000_000;
    const revocations = new SessionRevocations(new MemoryStore(() => now), keys, TTL, () => now);
    const eventTime = now;
    now += 60_000;
    const signedInAfterEvent = session('laptop-session-00002', 'hejing', now);
    now += 60_000;
    await revocations.revokeMemberSessions('hejing');
    expect(await revocations.isRevoked(signedInAfterEvent)).toBe(true);
    await revocations.revokeMemberSessions('hejing', eventTime);
    expect(await revocations.isRevoked(signedInAfterEvent)).toBe(true);
  });

  it('a revocation is kept exactly as long as the sessions it can concern', async () => {
    let now = 1_800_000_000_000;
    const store = new MemoryStore(() => now);
    const revocations = new SessionRevocations(store, keys, TTL, () => now);
    const halfway = session('halfway-session-0001', 'hejing', now - (TTL / 2) * 1000);
    await revocations.revokeSession(halfway);
    now += (TTL / 2) * 1000 - 1000;
    expect(await store.get(keys.revokedSession(halfway.sid))).not.toBeNull();
    now += 2000;
    // The session itself has expired by now, so nothing is lost by forgetting it.
    expect(await store.get(keys.revokedSession(halfway.sid))).toBeNull();
  });
});

describe('revocations while Redis is down (what the README promises)', () => {
  let redis: RedisServer;
  const instances: ResilientStore[] = [];
  const newInstance = () => {
    const store = new ResilientStore(new RedisStore(redis.url, { commandTimeoutMs: 100, connectTimeoutMs: 200 }), { retryAfterMs: 50 });
    instances.push(store);
    return { store, revocations: new SessionRevocations(store, keys, TTL) };
  };
  beforeEach(async () => {
    redis = await startRedisServer();
  });
  afterEach(async () => {
    for (const store of instances.splice(0)) (store as unknown as { redis: RedisStore }).redis.client.disconnect();
    await redis.stop();
  });

  it('every instance sees a sign-out made on another while Redis answers', async () => {
    const [a, b] = [newInstance(), newInstance()];
    const copied = session('copied-cookie-000001', 'hejing', Date.now() - 1000);
    await a.revocations.revokeSession(copied);
    expect(await b.revocations.isRevoked(copied)).toBe(true);
  });

  it('no session is refused because Redis is down, and a sign-out made during the outage still holds on that instance', async () => {
    const { revocations } = newInstance();
    const live = session('live-session-0000001', 'hejing', Date.now() - 1000);
    const signedOut = session('signed-out-00000001', 'li.na', Date.now() - 1000);
    await redis.kill();
    expect(await revocations.isRevoked(live)).toBe(false);
    await revocations.revokeSession(signedOut);
    expect(await revocations.isRevoked(signedOut)).toBe(true);
    await revocations.revokeMemberSessions('zhangwei');
    expect(await revocations.isRevoked(session('ceo-session-00000001', 'zhangwei', Date.now() - 1000))).toBe(true);
  });

  it('an older revocation from another instance does not move the shared "not before" back', async () => {
    const [a, b] = [newInstance(), newInstance()];
    const eventTime = Date.now() - 120_000;
    const signedInAfterEvent = session('laptop-session-00003', 'hejing', Date.now() - 60_000);
    await a.revocations.revokeMemberSessions('hejing');
    await b.revocations.revokeMemberSessions('hejing', eventTime);
    expect(await a.revocations.isRevoked(signedInAfterEvent)).toBe(true);
    expect(await b.revocations.isRevoked(signedInAfterEvent)).toBe(true);
    // And on an instance serving from memory during an outage, too.
    await redis.kill();
    await b.revocations.revokeMemberSessions('hejing', eventTime);
    expect(await b.revocations.isRevoked(signedInAfterEvent)).toBe(true);
  });

  it('a revocation this instance has read stays in force through an outage', async () => {
    const [a, b] = [newInstance(), newInstance()];
    const copied = session('copied-cookie-000002', 'hejing', Date.now() - 1000);
    await a.revocations.revokeMemberSessions('hejing');
    expect(await b.revocations.isRevoked(copied)).toBe(true);
    await redis.kill();
    expect(await b.revocations.isRevoked(copied)).toBe(true);
  });
});
