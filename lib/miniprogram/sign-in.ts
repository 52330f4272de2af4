import 'server-only';
import { sealSession } from '@/lib/auth/session-seal';
import type { WeComClient } from '@/lib/wecom/client';
import { WeComError } from '@/lib/wecom/errors';

/** What the mini-program keeps: a bearer token for `Authorization`, and when it stops working. */
export interface MiniProgramSignIn {
  token: string;
  userid: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Exchanges a `wx.qy.login` code with `miniprogram/jscode2session` and seals a session for
 * the member. The session_key WeCom returns is dropped here: nothing this app does needs it,
 * and what is not kept cannot leak.
 */
export async function signInMiniProgramMember(
  client: Pick<WeComClient, 'miniProgramSession'>,
  code: string,
  config: { corpId: string; sessionSecret: string; sessionTtlSeconds: number },
  now: () => number = Date.now,
): Promise<MiniProgramSignIn> {
  const { userid, corpId } = await client.miniProgramSession(code);
  if (corpId !== undefined && corpId !== config.corpId) {
    // A member of another company (a linked corp, say): their userid means nothing in this directory.
    throw new WeComError('miniprogram/jscode2session', null, { kind: 'not_visible', meaning: 'the member belongs to another company' });
  }
  const signedInAt = now();
  const token = await sealSession({ userid, signedInAt, via: 'miniprogram' }, config.sessionSecret, config.sessionTtlSeconds);
  return { token, userid, expiresAt: signedInAt + config.sessionTtlSeconds * 1000 };
}
