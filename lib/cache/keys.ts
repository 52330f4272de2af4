import 'server-only';
import { getConfig } from '@/lib/config';

/**
 * Every key this app writes to the cache store about its corp, built in one place so that
 * what an event drops (lib/cache/invalidation.ts) is exactly what the readers wrote.
 * Corp + agent keep two apps sharing one Redis apart. WeCom credentials are keyed by the
 * secret's hash as well (credentialNamespace in lib/wecom/client.ts).
 */
function appKey(...parts: (string | number)[]): string {
  const { corpId, agentId } = getConfig();
  return `wecom:${corpId}:${agentId}:${parts.join(':')}`;
}

export const cacheKeys = {
  /** user/get of one member: the profile, and the status the session door checks. */
  member: (userid: string) => appKey('data', 'user', userid),
  /** department/list: names on profiles. */
  departments: () => appKey('data', 'departments', ''),
  /**
   * The admin directory (lib/admin/directory-store.ts): which full read is current and how many
   * changes follow it (read by every admin request), the full read itself (read only when it
   * is new to an instance: a head and members in parts), each change since, and the lock of whoever writes them.
   */
  directoryVersion: () => appKey('data', 'directory', 'version'),
  directoryFullRead: (readId: string) => appKey('data', 'directory', 'full', readId),
  directoryFullReadPart: (readId: string, part: number) => appKey('data', 'directory', 'part', readId, part),
  directoryChange: (readId: string, sequence: number) => appKey('data', 'directory', 'change', readId, sequence),
  directoryRebuildLock: () => appKey('lock', 'directory'),
  /** tag/get of the admin tag. */
  tag: (tagId: number) => appKey('data', 'tag', tagId),
  /** What a member consented to share (getuserdetail), kept for the session lifetime. */
  consentedDetail: (userid: string) => appKey('consented_detail', userid),
  /** One signed-out session. */
  revokedSession: (sessionId: string) => appKey('revoked', 'session', sessionId),
  /** Sessions of this member issued before the stored time no longer count. */
  memberSessionsNotBefore: (userid: string) => appKey('revoked', 'member', userid),
  /** A sign-in `state` that has been used once. */
  spentLoginState: (state: string) => appKey('spent_state', state),
  /** An event callback already handled (the dedupe key comes from lib/events). */
  handledEvent: (dedupeKey: string) => appKey('event', dedupeKey),
  /** Prefix of one rate limit's counters (per client address or per admin). */
  rateLimit: (name: string) => appKey('rate_limit', name),
};
