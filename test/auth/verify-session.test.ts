import { describe, expect, it } from 'vitest';
import type { MemberStanding } from '@/lib/auth/member-standing';
import { memberStanding } from '@/lib/auth/member-standing';
import { SessionRevocations } from '@/lib/auth/revocations';
import { sealSession, type SessionData } from '@/lib/auth/session-seal';
import { verifyCredential, type SessionChecks } from '@/lib/auth/verify-session';
import { MemoryStore } from '@/lib/cache/store';
import { WeComError } from '@/lib/wecom/errors';

const SECRET = 'a-test-session-secret-of-at-least-32-characters';
const TTL = 600;
const keys = { revokedSession: (sid: string) => `s:${sid}`, memberSessionsNotBefore: (userid: string) => `m:${userid}` };

function checks(standing: Record<string, MemberStanding> = {}) {
  const revocations = new SessionRevocations(new MemoryStore(), keys, TTL);
  const asked: string[] = [];
  const rule: SessionChecks = {
    sessionSecret: SECRET,
    sessionTtlSeconds: TTL,
    revocations,
    standing: async (userid) => {
      asked.push(userid);
      return standing[userid] ?? { kind: 'active', member: { userid, name: userid } };
    },
  };
  return { rule, revocations, asked };
}

const browserSession = (userid = 'hejing'): SessionData => ({ sid: `sid-${userid}-0123456789`, userid, signedInAt: Date.now() - 1000, via: 'browser' });
const cookieOf = async (data: SessionData) => ({ kind: 'sealed' as const, carrier: 'cookie' as const, sealed: await sealSession(data, SECRET, TTL) });

describe('the session door', () => {
  it('lets an active member in', async () => {
    const { rule } = checks();
    expect(await verifyCredential(await cookieOf(browserSession()), rule)).toMatchObject({ ok: true, carrier: 'cookie', standing: 'active', session: { userid: 'hejing' } });
  });

  it('a signed-out session is refused without asking WeCom', async () => {
    const { rule, revocations, asked } = checks();
    const session = browserSession();
    await revocations.revokeSession(session);
    expect(await verifyCredential(await cookieOf(session), rule)).toEqual({ ok: false, problem: 'revoked', carrier: 'cookie' });
    expect(asked).toEqual([]);
  });

  it.each([
    ['disabled', { userid: 'zhulin', name: '朱琳', status: 2 }],
    ['left', { userid: 'donghao', name: '董浩', status: 5 }],
  ] as const)('a member WeCom shows as %s is refused', async (reason, member) => {
    const { rule } = checks({ [member.userid]: await memberStanding(async () => member) });
    expect(await verifyCredential(await cookieOf(browserSession(member.userid)), rule)).toMatchObject({ ok: false, problem: 'inactive', reason });
  });

  it('a deleted member (60111) and one outside the visible range (60011) are refused', async () => {
    const gone = await memberStanding(async () => {
      throw WeComError.fromErrcode('user/get', 60111);
    });
    const hidden = await memberStanding(async () => {
      throw WeComError.fromErrcode('user/get', 60011);
    });
    const { rule } = checks({ gone, hidden });
    expect(await verifyCredential(await cookieOf(browserSession('gone')), rule)).toMatchObject({ problem: 'inactive', reason: 'deleted' });
    expect(await verifyCredential(await cookieOf(browserSession('hidden')), rule)).toMatchObject({ problem: 'inactive', reason: 'not_visible' });
  });

  it('a member not activated yet (status 4) keeps access, as WeCom lets them sign in', async () => {
    const { rule } = checks({ fresh: await memberStanding(async () => ({ userid: 'fresh', name: 'x', status: 4 })) });
    expect(await verifyCredential(await cookieOf(browserSession('fresh')), rule)).toMatchObject({ ok: true });
  });

  it('WeCom being unreachable does not sign anyone out: the session stands, unverified', async () => {
    const down = await memberStanding(async () => {
      throw WeComError.fromErrcode('user/get', -1);
    });
    const { rule } = checks({ hejing: down });
    expect(await verifyCredential(await cookieOf(browserSession()), rule)).toMatchObject({ ok: true, standing: 'unverified' });
  });

  it('no credential and a bad one are told apart', async () => {
    const { rule } = checks();
    expect(await verifyCredential({ kind: 'absent' }, rule)).toEqual({ ok: false, problem: 'absent' });
    expect(await verifyCredential({ kind: 'sealed', carrier: 'cookie', sealed: 'garbage' }, rule)).toEqual({ ok: false, problem: 'invalid', carrier: 'cookie' });
    expect(await verifyCredential({ kind: 'malformed', carrier: 'bearer' }, rule)).toEqual({ ok: false, problem: 'invalid', carrier: 'bearer' });
  });
});
