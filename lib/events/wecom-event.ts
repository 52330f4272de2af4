import { createHash } from 'node:crypto';
import type { XmlFields } from './event-xml';

/**
 * The WeCom events this app acts on, from the decrypted XML. Fields beyond the ids are
 * hints: contact callbacks set up after 2022-08-15 carry only ids, so whatever a page
 * shows is read again from the API rather than taken from the event.
 */
export type WeComEvent =
  | { type: 'user_created'; userid: string }
  | { type: 'user_updated'; userid: string; newUserid?: string; status?: number }
  | { type: 'user_deleted'; userid: string }
  | { type: 'department_changed'; change: 'create_party' | 'update_party' | 'delete_party'; departmentId: number }
  | { type: 'tag_updated'; tagId: number }
  /** Added to the app's visible range (or re-enabled, or joined). */
  | { type: 'subscribed'; userid: string }
  /** Removed from the app's visible range, disabled, or left the company. */
  | { type: 'unsubscribed'; userid: string }
  | { type: 'ignored'; label: string };

const USER_CHANGES = new Set(['create_user', 'update_user', 'delete_user']);
const PARTY_CHANGES = new Set(['create_party', 'update_party', 'delete_party']);

export function eventFromFields(fields: XmlFields): WeComEvent {
  const event = fields.Event ?? '';
  const change = fields.ChangeType ?? '';
  if (event === 'change_contact' && USER_CHANGES.has(change)) {
    const userid = fields.UserID;
    if (!userid) return { type: 'ignored', label: `${change}:no_userid` };
    if (change === 'create_user') return { type: 'user_created', userid };
    if (change === 'delete_user') return { type: 'user_deleted', userid };
    const status = fields.Status === undefined ? undefined : Number(fields.Status);
    return {
      type: 'user_updated',
      userid,
      ...(fields.NewUserID && fields.NewUserID !== userid ? { newUserid: fields.NewUserID } : {}),
      ...(status !== undefined && Number.isInteger(status) ? { status } : {}),
    };
  }
  if (event === 'change_contact' && PARTY_CHANGES.has(change)) {
    const departmentId = Number(fields.Id);
    if (!Number.isInteger(departmentId) || departmentId <= 0) return { type: 'ignored', label: `${change}:no_id` };
    return { type: 'department_changed', change: change as 'create_party' | 'update_party' | 'delete_party', departmentId };
  }
  if (event === 'change_contact' && change === 'update_tag') {
    const tagId = Number(fields.TagId);
    return Number.isInteger(tagId) && tagId > 0 ? { type: 'tag_updated', tagId } : { type: 'ignored', label: 'update_tag:no_id' };
  }
  if ((event === 'subscribe' || event === 'unsubscribe') && fields.FromUserName) {
    return { type: event === 'subscribe' ? 'subscribed' : 'unsubscribed', userid: fields.FromUserName };
  }
  return { type: 'ignored', label: change ? `${event}:${change}` : event || fields.MsgType || 'unknown' };
}

/** A short name for logs and metric labels: never a userid. */
export function eventKind(fields: XmlFields): string {
  const kind = fields.ChangeType || fields.Event || fields.MsgType || 'unknown';
  return /^[a-z_]{1,32}$/.test(kind) ? kind : 'unknown';
}

/**
 * What makes two deliveries the same event. WeCom repeats a delivery it thinks failed, and
 * gives distinct contact events one CreateTime and FromUserName=sys (a batch delete,
 * create_user followed by update_user), so the key takes every id an event carries.
 * (lib/events/receive.ts also tells a redelivery of the same request from the same content
 * sent again: ids-only callbacks make two changes of one member in one second read alike.)
 */
const IDENTITY_FIELDS = ['CreateTime', 'AgentID', 'FromUserName', 'Event', 'ChangeType', 'UserID', 'NewUserID', 'Status', 'TagId', 'Id', 'AddUserItems', 'DelUserItems', 'AddPartyItems', 'DelPartyItems', 'MsgId'];

export function dedupeKeyOf(fields: XmlFields): string {
  const identity = IDENTITY_FIELDS.map((name) => `${name}=${fields[name] ?? ''}`).join('\n');
  return createHash('sha256').update(identity).digest('base64url');
}
