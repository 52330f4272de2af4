import type { CacheStore } from '@/lib/cache/store';
import { sessionExpiresAt, type SessionData } from './session-seal';

export interface RevocationKeys {
  revokedSession(sessionId: string): string;
  memberSessionsNotBefore(userid: string): string;
}

/**
 * Sessions that ended before their lifetime did: one entry per signed-out session, and one
 * "not before" time per member (offboarding, "sign out everywhere") that ends every session
 * of that member issued up to then, cookie and bearer alike. They live in the cache store,
 * so with REDIS_URL every instance sees them; each entry expires when the sessions it
 * could concern would have expired anyway.
 */
export class SessionRevocations {
  constructor(
    private readonly store: CacheStore,
    private readonly keys: RevocationKeys,
    private readonly sessionTtlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async revokeSession(session: SessionData): Promise<void> {
    const remainingSeconds = (sessionExpiresAt(session, this.sessionTtlSeconds) - this.now()) / 1000;
    if (remainingSeconds <= 0) return;
    await this.store.set(this.keys.revokedSession(session.sid), '1', Math.ceil(remainingSeconds));
  }

  /**
   * Ends every session of `userid` issued at or before `at`; later sign-ins count again. The
   * time only moves forward: an older `at` (a WeCom event delivered again, or late, after the
   * member signed out everywhere) leaves a later one in place, so it can never revive a session.
   */
  async revokeMemberSessions(userid: string, at: number = this.now()): Promise<void> {
    await this.store.raiseTo(this.keys.memberSessionsNotBefore(userid), at, this.sessionTtlSeconds);
  }

  async isRevoked(session: SessionData): Promise<boolean> {
    const [single, notBefore] = await Promise.all([
      this.store.get(this.keys.revokedSession(session.sid)),
      this.store.get(this.keys.memberSessionsNotBefore(session.userid)),
    ]);
    if (single !== null) return true;
    return notBefore !== null && session.signedInAt <= Number(notBefore);
  }
}
