import { describe, expect, it } from 'vitest';
import { effectsOf, type InvalidationKeys } from '@/lib/cache/invalidation';
import { dedupeKeyOf, eventFromFields } from '@/lib/events/wecom-event';

const keys: InvalidationKeys = {
  member: (userid) => `member:${userid}`,
  departments: () => 'departments',
  tag: (tagId) => `tag:${tagId}`,
  consentedDetail: (userid) => `detail:${userid}`,
};
const contact = (changeType: string, fields: Record<string, string> = {}) =>
  eventFromFields({ ToUserName: 'corp', FromUserName: 'sys', CreateTime: '1700000000', MsgType: 'event', Event: 'change_contact', ChangeType: changeType, ...fields });
const effects = (fields: Parameters<typeof contact>) => effectsOf(contact(...fields), keys);

describe('what a WeCom change drops and ends', () => {
  it('a profile change drops that member only, and ends no session', () => {
    expect(effects(['update_user', { UserID: 'hejing' }])).toEqual({ dropKeys: ['member:hejing'], revokeMembers: [], directory: [{ kind: 'member', userid: 'hejing' }] });
  });

  it('a member disabled or gone from the company ends their sessions', () => {
    expect(effects(['update_user', { UserID: 'hejing', Status: '2' }]).revokeMembers).toEqual(['hejing']);
    expect(effects(['update_user', { UserID: 'hejing', Status: '5' }]).revokeMembers).toEqual(['hejing']);
    expect(effects(['update_user', { UserID: 'hejing', Status: '1' }]).revokeMembers).toEqual([]);
    expect(effects(['delete_user', { UserID: 'hejing' }])).toEqual({
      dropKeys: ['member:hejing', 'detail:hejing'],
      revokeMembers: ['hejing'],
      directory: [{ kind: 'remove_member', userid: 'hejing' }],
    });
  });

  it('leaving the app (unsubscribe) ends sessions; joining it (subscribe) only drops the cache', () => {
    const app = (event: string) => eventFromFields({ FromUserName: 'hejing', CreateTime: '1700000000', MsgType: 'event', Event: event, AgentID: '1000002' });
    expect(effectsOf(app('unsubscribe'), keys)).toEqual({ dropKeys: ['member:hejing'], revokeMembers: ['hejing'], directory: [{ kind: 'member', userid: 'hejing' }] });
    expect(effectsOf(app('subscribe'), keys)).toEqual({ dropKeys: ['member:hejing'], revokeMembers: [], directory: [{ kind: 'member', userid: 'hejing' }] });
  });

  it('a renamed userid drops both ids and sends the old sessions through sign-in again', () => {
    expect(effects(['update_user', { UserID: 'hejing', NewUserID: 'he.jing' }])).toEqual({
      dropKeys: ['member:hejing', 'member:he.jing', 'detail:hejing'],
      revokeMembers: ['hejing'],
      directory: [{ kind: 'member', userid: 'hejing', renamedTo: 'he.jing' }],
    });
  });

  it('department changes drop the department list, tag changes the tag', () => {
    for (const change of ['create_party', 'update_party', 'delete_party']) {
      expect(effects([change, { Id: '5', ParentId: '4' }])).toEqual({ dropKeys: ['departments'], revokeMembers: [], directory: [{ kind: 'departments' }] });
    }
    expect(effects(['update_tag', { TagId: '1', AddUserItems: 'li.na' }])).toEqual({ dropKeys: ['tag:1'], revokeMembers: [], directory: [] });
  });

  it('events it does not act on, or without their ids, change nothing', () => {
    const none = { dropKeys: [], revokeMembers: [], directory: [] };
    expect(effects(['update_user', {}])).toEqual(none);
    expect(effects(['update_party', { Id: 'x' }])).toEqual(none);
    expect(effectsOf(eventFromFields({ MsgType: 'event', Event: 'enter_agent', FromUserName: 'hejing' }), keys)).toEqual(none);
    expect(effectsOf(eventFromFields({ MsgType: 'text', Content: 'hello' }), keys)).toEqual(none);
  });
});

describe('telling deliveries apart', () => {
  const base = { ToUserName: 'corp', FromUserName: 'sys', CreateTime: '1700000000', MsgType: 'event', Event: 'change_contact' };

  it('a repeated delivery of one event has the same key', () => {
    expect(dedupeKeyOf({ ...base, ChangeType: 'delete_user', UserID: 'a' })).toBe(dedupeKeyOf({ ...base, ChangeType: 'delete_user', UserID: 'a' }));
  });

  it('distinct events sharing FromUserName=sys and one CreateTime keep distinct keys', () => {
    const batchDelete = ['a', 'b', 'c'].map((userid) => dedupeKeyOf({ ...base, ChangeType: 'delete_user', UserID: userid }));
    const createThenUpdate = [dedupeKeyOf({ ...base, ChangeType: 'create_user', UserID: 'a' }), dedupeKeyOf({ ...base, ChangeType: 'update_user', UserID: 'a' })];
    const parties = [dedupeKeyOf({ ...base, ChangeType: 'update_party', Id: '5' }), dedupeKeyOf({ ...base, ChangeType: 'update_party', Id: '6' })];
    const tags = [dedupeKeyOf({ ...base, ChangeType: 'update_tag', TagId: '1', AddUserItems: 'a' }), dedupeKeyOf({ ...base, ChangeType: 'update_tag', TagId: '1', DelUserItems: 'a' })];
    for (const keysOfBatch of [batchDelete, createThenUpdate, parties, tags]) expect(new Set(keysOfBatch).size).toBe(keysOfBatch.length);
  });
});
