import type { WeComEvent } from '@/lib/events/wecom-event';

/**
 * What a change in WeCom means for this app, in one function: the cache entries it drops,
 * the members whose sessions end, and the part of the admin directory to read again. Pure,
 * so the whole mapping is tested without a store or a server (test/events/invalidation.test.ts).
 */
export type DirectoryPatch =
  | { kind: 'member'; userid: string; renamedTo?: string }
  | { kind: 'remove_member'; userid: string }
  | { kind: 'departments' };

export interface ChangeEffects {
  dropKeys: string[];
  /** Every session of these members issued up to the change ends (cookie and bearer). */
  revokeMembers: string[];
  directory: DirectoryPatch[];
}

export interface InvalidationKeys {
  member(userid: string): string;
  departments(): string;
  tag(tagId: number): string;
  consentedDetail(userid: string): string;
}

/** WeCom's status values that end access: disabled, left the company. */
const ENDS_ACCESS = new Set([2, 5]);

export function effectsOf(event: WeComEvent, keys: InvalidationKeys): ChangeEffects {
  const none: ChangeEffects = { dropKeys: [], revokeMembers: [], directory: [] };
  switch (event.type) {
    case 'user_created':
    case 'subscribed':
      return { ...none, dropKeys: [keys.member(event.userid)], directory: [{ kind: 'member', userid: event.userid }] };
    case 'user_updated': {
      const { userid, newUserid } = event;
      // A renamed member's sessions carry a userid WeCom no longer knows: they sign in again as the new one.
      const endsAccess = (event.status !== undefined && ENDS_ACCESS.has(event.status)) || newUserid !== undefined;
      return {
        dropKeys: [keys.member(userid), ...(newUserid ? [keys.member(newUserid), keys.consentedDetail(userid)] : [])],
        revokeMembers: endsAccess ? [userid] : [],
        directory: [{ kind: 'member', userid, ...(newUserid ? { renamedTo: newUserid } : {}) }],
      };
    }
    case 'user_deleted':
      return {
        dropKeys: [keys.member(event.userid), keys.consentedDetail(event.userid)],
        revokeMembers: [event.userid],
        directory: [{ kind: 'remove_member', userid: event.userid }],
      };
    case 'unsubscribed':
      // Disabled, left, or out of the visible range: the directory keeps a disabled member (with its badge).
      return { dropKeys: [keys.member(event.userid)], revokeMembers: [event.userid], directory: [{ kind: 'member', userid: event.userid }] };
    case 'department_changed':
      return { ...none, dropKeys: [keys.departments()], directory: [{ kind: 'departments' }] };
    case 'tag_updated':
      // Admin rights come from a tag: its member list is read again on the next admin check.
      return { ...none, dropKeys: [keys.tag(event.tagId)] };
    case 'ignored':
      return none;
  }
}
