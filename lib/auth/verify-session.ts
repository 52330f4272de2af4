import type { InactiveReason, MemberStanding } from './member-standing';
import type { SessionRevocations } from './revocations';
import { unsealCredential, type Carrier, type SessionCredential } from './session-credential';
import type { SessionData } from './session-seal';

/**
 * The rule behind the session door, free of Next so it is tested in milliseconds: a
 * credential counts when it unseals for its carrier, has not expired, was not revoked, and
 * WeCom still counts its member as active (or cannot be asked right now).
 */
export type SessionVerdict =
  | { ok: true; session: SessionData; carrier: Carrier; standing: 'active' | 'unverified' }
  | { ok: false; problem: 'absent' | 'invalid' | 'revoked'; carrier?: Carrier }
  | { ok: false; problem: 'inactive'; reason: InactiveReason; session: SessionData; carrier: Carrier };

export interface SessionChecks {
  sessionSecret: string;
  sessionTtlSeconds: number;
  revocations: Pick<SessionRevocations, 'isRevoked'>;
  standing(userid: string): Promise<MemberStanding>;
  now?: () => number;
}

export async function verifyCredential(credential: SessionCredential, checks: SessionChecks): Promise<SessionVerdict> {
  if (credential.kind === 'absent') return { ok: false, problem: 'absent' };
  const { carrier } = credential;
  const session = await unsealCredential(credential, checks, checks.now?.() ?? Date.now());
  if (!session) return { ok: false, problem: 'invalid', carrier };
  // Revocations first: they are one store read, and a signed-out session must not cost a WeCom call.
  if (await checks.revocations.isRevoked(session)) return { ok: false, problem: 'revoked', carrier };
  const standing = await checks.standing(session.userid);
  if (standing.kind === 'inactive') return { ok: false, problem: 'inactive', reason: standing.reason, session, carrier };
  return { ok: true, session, carrier, standing: standing.kind };
}
