import { isWeComError, type WeComError } from '@/lib/wecom/errors';
import type { WeComUser } from '@/lib/wecom/schemas';

/**
 * Whether WeCom still counts a member as one of the app's users. Disabled (status 2) and
 * departed (5) members, deleted ones (60111) and members moved out of the app's visible
 * range (60011) lose access; "not activated yet" (4) keeps it, as WeCom lets them sign in.
 * When WeCom cannot be asked the standing is unverified: the caller decides, and the
 * session door lets the session stand (WeCom being down must not sign a company out).
 */
export type InactiveReason = 'disabled' | 'left' | 'deleted' | 'not_visible';

export type MemberStanding =
  | { kind: 'active'; member: WeComUser }
  | { kind: 'inactive'; reason: InactiveReason }
  | { kind: 'unverified'; error: WeComError };

export function standingOfMember(member: WeComUser): MemberStanding {
  if (member.status === 2) return { kind: 'inactive', reason: 'disabled' };
  if (member.status === 5) return { kind: 'inactive', reason: 'left' };
  return { kind: 'active', member };
}

export async function memberStanding(lookup: () => Promise<WeComUser>): Promise<MemberStanding> {
  try {
    return standingOfMember(await lookup());
  } catch (error) {
    if (!isWeComError(error)) throw error;
    if (error.kind === 'not_found') return { kind: 'inactive', reason: 'deleted' };
    if (error.kind === 'not_visible') return { kind: 'inactive', reason: 'not_visible' };
    return { kind: 'unverified', error };
  }
}
