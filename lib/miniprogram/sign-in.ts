import 'server-only';
import type { InactiveReason, MemberStanding } from '@/lib/auth/member-standing';
import { newSessionId, sealSession, sessionExpiresAt } from '@/lib/auth/session-seal';
import type { WeComClient } from '@/lib/wecom/client';
import { WeComError } from '@/lib/wecom/errors';

/** What the mini-program keeps: a bearer token for `Authorization`, and when it stops working. */
export interface MiniProgramSignIn {
  token: string;
  userid: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export type MiniProgramSignInResult = { ok: true; signIn: MiniProgramSignIn } | { ok: false; inactive: InactiveReason };

/**
 * Exchanges a `wx.qy.login` code with `miniprogram/jscode2session` and seals a session for
 * the member, when WeCom still counts them as active. The session_key WeCom returns is
 * dropped here: nothing this app does needs it, and what is not kept cannot leak.
 */
export async function signInMiniProgramMember(
  client: Pick<WeComClient, 'miniProgramSession'>,
  code: string,
  config: { corpId: string; sessionSecret: string; sessionTtlSeconds: number },
  standing: (userid: string) => Promise<MemberStanding>,
  now: () => number = Date.now,
): Promise<MiniProgramSignInResult> {
  const { userid, corpId } = await client.miniProgramSession(code);
  if (corpId !== undefined && corpId !== config.corpId) {
    // A member of another company (a linked corp, say): their userid means nothing in this directory.
    throw new WeComError('miniprogram/jscode2session', null, { kind: 'not_visible', meaning: 'the member belongs to another company' });
  }
  const found = await standing(userid);
  if (found.kind === 'inactive') return { ok: false, inactive: found.reason };
  const session = { sid: newSessionId(), userid, signedInAt: now(), via: 'miniprogram' as const };
  const token = await sealSession(session, config.sessionSecret, config.sessionTtlSeconds);
  return { ok: true, signIn: { token, userid, expiresAt: sessionExpiresAt(session, config.sessionTtlSeconds) } };
}
