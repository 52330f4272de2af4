// What happens in WeCom when an admin changes the directory: the change itself, checked the way
// WeCom checks it, and the events WeCom then pushes to the app.
//
// - change_contact events reach the app only for members and departments in its visible range
//   (before or after the change).
// - subscribe / unsubscribe follow the member's standing with the app: a member "follows" the app
//   when they are in its visible range and active (status 1). Joining (created active, activated,
//   re-enabled) or moving into the range sends subscribe; being disabled, leaving (status 5),
//   deletion or moving out of the range sends unsubscribe. Nothing is sent when the standing does
//   not change (e.g. a disabled member who then leaves).
// - All events of one change share one CreateTime (the caller stamps them).

import { DEFAULT_AGENT_ID } from '../credentials';
import type { Directory } from '../directory';
import { isPlainObject } from '../http';
import type { Department, Member, MemberStatus, Tag } from '../types';
import { appEvent, contactEvent, detailField, idField, type CallbackEvent, type EventField } from './messages';

/** A refused change: 400 for bad input, 404 for an unknown userid, department or tag. */
export class ChangeRefused extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
    /** The errcode WeCom's own API gives for the same refusal, when there is one. */
    readonly errcode?: number,
  ) {
    super(message);
  }
}

export interface ChangeOutcome {
  answer: Record<string, unknown>;
  events: CallbackEvent[];
}

const bad = (message: string, errcode?: number) => new ChangeRefused(400, message, errcode);
const unknown = (message: string) => new ChangeRefused(404, message);

// ---- input checks ----------------------------------------------------------------------------

/** WeCom: 1-64 characters of letters, digits and _-@. , starting with a letter or digit. */
const USERID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;
/** Characters WeCom refuses in department names. */
const DEPARTMENT_NAME_FORBIDDEN = /[\\:*?"<>|]/;
const STATUSES: readonly MemberStatus[] = [1, 2, 4, 5];
const MAX_DEPARTMENTS_PER_MEMBER = 100;

type Body = Record<string, unknown>;

function requireObject(body: unknown, fields: readonly string[]): Body {
  if (!isPlainObject(body)) throw bad('body must be a JSON object');
  const stray = Object.keys(body).find((key) => !fields.includes(key));
  if (stray) throw bad(`unknown field "${stray}"; known: ${fields.join(', ')}`);
  return body;
}

function optionalText(body: Body, key: string, max: number, options: { allowEmpty: boolean }): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  const ok = typeof value === 'string' && value.length <= max && (options.allowEmpty || value.trim() !== '');
  if (!ok) throw bad(`${key} must be a string of ${options.allowEmpty ? '0' : '1'} to ${max} characters`);
  return value as string;
}

function requiredText(body: Body, key: string, max: number): string {
  const value = optionalText(body, key, max, { allowEmpty: false });
  if (value === undefined) throw bad(`${key} is required`);
  return value;
}

function checkUserid(value: unknown, key: string): string {
  if (typeof value !== 'string' || !USERID_SHAPE.test(value)) {
    throw bad(`${key} must be 1 to 64 letters, digits or _-@. starting with a letter or digit`);
  }
  return value;
}

function checkDepartmentId(value: unknown, key: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 2 ** 32 - 1) {
    throw bad(`${key} must be a positive whole number`);
  }
  return value;
}

function existingDepartment(directory: Directory, id: number): Department {
  const department = directory.findDepartment(id);
  if (!department) throw unknown(`unknown department ${id}`);
  return department;
}

function checkDepartmentList(directory: Directory, value: unknown): number[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_DEPARTMENTS_PER_MEMBER) {
    throw bad(`department must be a list of 1 to ${MAX_DEPARTMENTS_PER_MEMBER} department ids`);
  }
  const ids = value.map((id) => checkDepartmentId(id, 'department'));
  if (new Set(ids).size !== ids.length) throw bad('department lists a department twice');
  for (const id of ids) existingDepartment(directory, id);
  return ids;
}

function checkOrder(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 2 ** 32 - 1) throw bad('order must be a whole number from 0');
  return value;
}

function checkStatus(value: unknown): MemberStatus {
  if (!STATUSES.includes(value as MemberStatus)) throw bad('status must be 1 (active), 2 (disabled), 4 (not activated) or 5 (left)');
  return value as MemberStatus;
}

function checkDepartmentName(body: Body, key: string, required: boolean): string | undefined {
  const name = required ? requiredText(body, key, 64) : optionalText(body, key, 64, { allowEmpty: false });
  if (name !== undefined && DEPARTMENT_NAME_FORBIDDEN.test(name)) throw bad(`${key} must not contain any of \\ : * ? " < > |`, 60009);
  return name;
}

// ---- members -----------------------------------------------------------------------------------

/** Visible to the app and active: what subscribe / unsubscribe track. */
function followsApp(directory: Directory, member: Member): boolean {
  return !member.linkedCorp && member.status === 1 && directory.isMemberVisible(member);
}

function followEvents(userid: string, before: boolean, after: boolean): CallbackEvent[] {
  if (before === after) return [];
  return [appEvent(after ? 'subscribe' : 'unsubscribe', userid, DEFAULT_AGENT_ID)];
}

const csv = (values: readonly (string | number)[]) => values.join(',');

export function describeMember(directory: Directory, m: Member) {
  return {
    userid: m.userid,
    name: m.name,
    position: m.position,
    alias: m.alias,
    status: m.status,
    department: m.department,
    main_department: m.main_department,
    visible: directory.isMemberVisible(m),
  };
}

function memberTarget(directory: Directory, userid: string): Member {
  const member = directory.findMember(userid);
  if (!member) throw unknown(`unknown userid "${userid}"`);
  if (member.linkedCorp) throw bad(`"${userid}" belongs to a linked corp; only the corp's own members can be changed`);
  return member;
}

const MEMBER_CREATE_FIELDS = ['userid', 'name', 'department', 'position', 'alias', 'status', 'main_department'] as const;

export function createMember(directory: Directory, body: unknown): ChangeOutcome {
  const input = requireObject(body, MEMBER_CREATE_FIELDS);
  const userid = checkUserid(input.userid, 'userid');
  if (directory.findMember(userid)) throw bad(`userid "${userid}" already exists`, 60102);
  const name = requiredText(input, 'name', 64);
  if (input.department === undefined) throw bad('department is required: a list of department ids');
  const department = checkDepartmentList(directory, input.department);
  const position = optionalText(input, 'position', 128, { allowEmpty: true }) ?? '';
  const alias = optionalText(input, 'alias', 64, { allowEmpty: true }) ?? '';
  const status = input.status === undefined ? 1 : checkStatus(input.status);
  const main = input.main_department === undefined ? department[0] : checkDepartmentId(input.main_department, 'main_department');
  if (!department.includes(main)) throw bad('main_department must be one of the member\'s departments');

  const member: Member = {
    userid,
    name,
    alias,
    position,
    department,
    order: department.map(() => 0),
    is_leader_in_dept: department.map(() => 0),
    direct_leader: [],
    main_department: main,
    telephone: '',
    status,
    private: { gender: '0', mobile: '', email: '', biz_mail: '' },
    extattr: [],
  };
  directory.addMember(member);

  const events: CallbackEvent[] = [];
  if (directory.isMemberVisible(member)) {
    const fields: EventField[] = [
      idField('UserID', userid),
      detailField('Name', name),
      idField('Department', csv(department)),
      detailField('MainDepartment', main),
      detailField('IsLeaderInDept', csv(member.is_leader_in_dept)),
      detailField('Position', position),
      detailField('Status', status),
      ...(alias ? [detailField('Alias', alias)] : []),
    ];
    events.push(contactEvent('create_user', fields), ...followEvents(userid, false, followsApp(directory, member)));
  }
  return { answer: { member: describeMember(directory, member) }, events };
}

const MEMBER_UPDATE_FIELDS = ['name', 'position', 'alias', 'status', 'department', 'main_department', 'new_userid'] as const;

export function updateMember(directory: Directory, userid: string, body: unknown): ChangeOutcome {
  const before = memberTarget(directory, userid);
  const input = requireObject(body, MEMBER_UPDATE_FIELDS);
  if (Object.keys(input).length === 0) throw bad(`give at least one of ${MEMBER_UPDATE_FIELDS.join(', ')}`);

  const next: Member = structuredClone(before);
  const name = optionalText(input, 'name', 64, { allowEmpty: false });
  if (name !== undefined) next.name = name;
  const position = optionalText(input, 'position', 128, { allowEmpty: true });
  if (position !== undefined) next.position = position;
  const alias = optionalText(input, 'alias', 64, { allowEmpty: true });
  if (alias !== undefined) next.alias = alias;
  if (input.status !== undefined) next.status = checkStatus(input.status);
  if (input.department !== undefined) {
    const department = checkDepartmentList(directory, input.department);
    // Order and leadership follow each department the member stays in; new ones start at 0.
    const was = (list: readonly number[], d: number) => list[before.department.indexOf(d)] ?? 0;
    next.department = department;
    next.order = department.map((d) => was(before.order, d));
    next.is_leader_in_dept = department.map((d) => (was(before.is_leader_in_dept, d) === 1 ? 1 : 0));
    if (!department.includes(next.main_department)) next.main_department = department[0];
  }
  if (input.main_department !== undefined) {
    const main = checkDepartmentId(input.main_department, 'main_department');
    if (!next.department.includes(main)) throw bad('main_department must be one of the member\'s departments');
    next.main_department = main;
  }
  if (input.new_userid !== undefined) {
    const newUserid = checkUserid(input.new_userid, 'new_userid');
    if (newUserid !== userid && directory.findMember(newUserid)) throw bad(`new_userid "${newUserid}" already exists`, 60102);
    next.userid = newUserid;
  }

  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changed = (['userid', 'name', 'position', 'alias', 'status', 'department', 'main_department'] as const).filter(
    (key) => !same(before[key], next[key]),
  );
  if (changed.length === 0) return { answer: { member: describeMember(directory, before), changed }, events: [] };

  const visibleBefore = directory.isMemberVisible(before);
  const followedBefore = followsApp(directory, before);
  directory.replaceMember(userid, next);
  const visibleAfter = directory.isMemberVisible(next);

  const events: CallbackEvent[] = [];
  if (visibleBefore || visibleAfter) {
    const has = (key: (typeof changed)[number]) => changed.includes(key);
    const fields: EventField[] = [
      idField('UserID', userid),
      ...(has('userid') ? [idField('NewUserID', next.userid)] : []),
      ...(has('name') ? [detailField('Name', next.name)] : []),
      ...(has('department') ? [idField('Department', csv(next.department)), detailField('IsLeaderInDept', csv(next.is_leader_in_dept))] : []),
      ...(has('main_department') ? [detailField('MainDepartment', next.main_department)] : []),
      ...(has('position') ? [detailField('Position', next.position)] : []),
      ...(has('status') ? [detailField('Status', next.status)] : []),
      ...(has('alias') ? [detailField('Alias', next.alias)] : []),
    ];
    events.push(contactEvent('update_user', fields));
  }
  events.push(...followEvents(next.userid, followedBefore, followsApp(directory, next)));
  return { answer: { member: describeMember(directory, next), changed }, events };
}

export function deleteMember(directory: Directory, userid: string): ChangeOutcome {
  const member = memberTarget(directory, userid);
  const visible = directory.isMemberVisible(member);
  const followed = followsApp(directory, member);
  directory.removeMember(userid);
  const events: CallbackEvent[] = visible ? [contactEvent('delete_user', [idField('UserID', userid)])] : [];
  events.push(...followEvents(userid, followed, false));
  return { answer: { deleted: userid }, events };
}

// ---- departments -------------------------------------------------------------------------------

export function describeDepartment(directory: Directory, d: Department) {
  return { id: d.id, name: d.name, name_en: d.name_en, parentid: d.parentid, order: d.order, visible: directory.isDepartmentVisible(d.id) };
}

function parseDepartmentPathId(raw: string): number {
  if (!/^\d{1,10}$/.test(raw)) throw bad(`department id must be a number, got "${raw}"`);
  return Number(raw);
}

function refuseSiblingName(directory: Directory, parentid: number, name: string, self?: number): void {
  const clash = directory.childDepartmentsOf(parentid).some((d) => d.id !== self && d.name === name);
  if (clash) throw bad(`department ${parentid} already has a sub-department named "${name}"`, 60008);
}

/** The members below a department whose standing with the app a move could change. */
function membersBelow(directory: Directory, id: number): Member[] {
  const seen = new Map<string, Member>();
  const stack = [id];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const m of directory.membersDirectlyIn(at)) seen.set(m.userid, m);
    stack.push(...directory.childDepartmentsOf(at).map((d) => d.id));
  }
  return [...seen.values()];
}

const DEPARTMENT_CREATE_FIELDS = ['id', 'name', 'name_en', 'parentid', 'order'] as const;

export function createDepartment(directory: Directory, body: unknown): ChangeOutcome {
  const input = requireObject(body, DEPARTMENT_CREATE_FIELDS);
  const name = checkDepartmentName(input, 'name', true)!;
  const nameEn = optionalText(input, 'name_en', 64, { allowEmpty: true }) ?? '';
  if (input.parentid === undefined) throw bad('parentid is required');
  const parentid = checkDepartmentId(input.parentid, 'parentid');
  existingDepartment(directory, parentid);
  let id: number;
  if (input.id === undefined) {
    id = Math.max(0, ...directory.departments.map((d) => d.id)) + 1;
  } else {
    id = checkDepartmentId(input.id, 'id');
    if (directory.findDepartment(id)) throw bad(`department ${id} already exists`, 60008);
  }
  refuseSiblingName(directory, parentid, name);
  const siblings = directory.childDepartmentsOf(parentid);
  // WeCom lists higher order first; a new department goes last unless told otherwise.
  const order = input.order === undefined
    ? Math.max(0, Math.min(100_000_000, ...siblings.map((d) => d.order)) - 1000)
    : checkOrder(input.order);

  const department: Department = { id, name, name_en: nameEn, parentid, order, department_leader: [] };
  directory.addDepartment(department);
  const events = directory.isDepartmentVisible(id)
    ? [contactEvent('create_party', [idField('Id', id), detailField('Name', name), idField('ParentId', String(parentid)), detailField('Order', order)])]
    : [];
  return { answer: { department: describeDepartment(directory, department) }, events };
}

const DEPARTMENT_UPDATE_FIELDS = ['name', 'name_en', 'parentid', 'order'] as const;

export function updateDepartment(directory: Directory, rawId: string, body: unknown): ChangeOutcome {
  const id = parseDepartmentPathId(rawId);
  const before = existingDepartment(directory, id);
  const input = requireObject(body, DEPARTMENT_UPDATE_FIELDS);
  if (Object.keys(input).length === 0) throw bad(`give at least one of ${DEPARTMENT_UPDATE_FIELDS.join(', ')}`);

  const next: Department = structuredClone(before);
  const name = checkDepartmentName(input, 'name', false);
  if (name !== undefined) next.name = name;
  const nameEn = optionalText(input, 'name_en', 64, { allowEmpty: true });
  if (nameEn !== undefined) next.name_en = nameEn;
  if (input.order !== undefined) next.order = checkOrder(input.order);
  if (input.parentid !== undefined) {
    const parentid = checkDepartmentId(input.parentid, 'parentid');
    existingDepartment(directory, parentid);
    if (before.parentid === 0 && parentid !== 0) throw bad('the root department cannot be moved');
    if (directory.isInSubtree(parentid, id)) throw bad(`department ${id} cannot move below itself (${parentid} is in its subtree)`, 60010);
    next.parentid = parentid;
  }
  if (next.name !== before.name || next.parentid !== before.parentid) refuseSiblingName(directory, next.parentid, next.name, id);

  const changed = (['name', 'name_en', 'parentid', 'order'] as const).filter((key) => before[key] !== next[key]);
  if (changed.length === 0) return { answer: { department: describeDepartment(directory, before), changed }, events: [] };

  const visibleBefore = directory.isDepartmentVisible(id);
  const moved = changed.includes('parentid');
  const affected = moved ? membersBelow(directory, id) : [];
  const followedBefore = new Map(affected.map((m) => [m.userid, followsApp(directory, m)]));
  directory.replaceDepartment(next);

  const events: CallbackEvent[] = [];
  if (visibleBefore || directory.isDepartmentVisible(id)) {
    events.push(contactEvent('update_party', [
      idField('Id', id),
      ...(changed.includes('name') ? [detailField('Name', next.name)] : []),
      ...(moved ? [idField('ParentId', String(next.parentid))] : []),
      ...(changed.includes('order') ? [detailField('Order', next.order)] : []),
    ]));
  }
  // Moving a department into or out of the visible range takes its members with it.
  for (const m of affected) events.push(...followEvents(m.userid, followedBefore.get(m.userid)!, followsApp(directory, m)));
  return { answer: { department: describeDepartment(directory, next), changed }, events };
}

export function deleteDepartment(directory: Directory, rawId: string): ChangeOutcome {
  const id = parseDepartmentPathId(rawId);
  const department = existingDepartment(directory, id);
  if (department.parentid === 0) throw bad('the root department cannot be deleted');
  const children = directory.childDepartmentsOf(id);
  if (children.length > 0) throw bad(`department ${id} still has ${children.length} sub-department(s); delete or move them first`, 60006);
  const members = directory.membersDirectlyIn(id);
  if (members.length > 0) throw bad(`department ${id} still has ${members.length} member(s); move or delete them first`, 60005);
  const visible = directory.isDepartmentVisible(id);
  directory.removeDepartment(id);
  return { answer: { deleted: id }, events: visible ? [contactEvent('delete_party', [idField('Id', id)])] : [] };
}

// ---- tags --------------------------------------------------------------------------------------

const TAG_UPDATE_FIELDS = ['addUserids', 'delUserids', 'addPartyIds', 'delPartyIds'] as const;

function userList(directory: Directory, body: Body, key: string): string[] {
  const value = body[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((u) => typeof u !== 'string')) throw bad(`${key} must be a list of userids`);
  for (const userid of value as string[]) if (!directory.findMember(userid)) throw unknown(`${key}: unknown userid "${userid}"`);
  return [...new Set(value as string[])];
}

function partyList(directory: Directory, body: Body, key: string): number[] {
  const value = body[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw bad(`${key} must be a list of department ids`);
  const ids = value.map((id) => checkDepartmentId(id, key));
  for (const id of ids) existingDepartment(directory, id);
  return [...new Set(ids)];
}

export function describeTag(t: Tag) {
  return { tagid: t.tagid, tagname: t.tagname, userids: t.userids, partyids: t.partyids };
}

export function updateTag(directory: Directory, rawId: string, body: unknown): ChangeOutcome {
  if (!/^\d{1,10}$/.test(rawId)) throw bad(`tag id must be a number, got "${rawId}"`);
  const before = directory.findTag(Number(rawId));
  if (!before) throw unknown(`unknown tag ${rawId}`);
  const input = requireObject(body, TAG_UPDATE_FIELDS);
  if (Object.keys(input).length === 0) throw bad(`give at least one of ${TAG_UPDATE_FIELDS.join(', ')}`);
  const addUsers = userList(directory, input, 'addUserids');
  const delUsers = userList(directory, input, 'delUserids');
  const addParties = partyList(directory, input, 'addPartyIds');
  const delParties = partyList(directory, input, 'delPartyIds');
  if (addUsers.some((u) => delUsers.includes(u))) throw bad('a userid is both in addUserids and delUserids');
  if (addParties.some((p) => delParties.includes(p))) throw bad('a department is both in addPartyIds and delPartyIds');

  // Only real changes count: adding a member who already has the tag changes nothing.
  const addedUsers = addUsers.filter((u) => !before.userids.includes(u));
  const removedUsers = delUsers.filter((u) => before.userids.includes(u));
  const addedParties = addParties.filter((p) => !before.partyids.includes(p));
  const removedParties = delParties.filter((p) => before.partyids.includes(p));
  const next: Tag = {
    ...before,
    userids: [...before.userids.filter((u) => !removedUsers.includes(u)), ...addedUsers],
    partyids: [...before.partyids.filter((p) => !removedParties.includes(p)), ...addedParties],
  };
  if (addedUsers.length + removedUsers.length + addedParties.length + removedParties.length === 0) {
    return { answer: { tag: describeTag(before) }, events: [] };
  }
  directory.replaceTag(next);
  const fields: EventField[] = [
    idField('TagId', next.tagid),
    ...(addedUsers.length ? [idField('AddUserItems', csv(addedUsers))] : []),
    ...(removedUsers.length ? [idField('DelUserItems', csv(removedUsers))] : []),
    ...(addedParties.length ? [idField('AddPartyItems', csv(addedParties))] : []),
    ...(removedParties.length ? [idField('DelPartyItems', csv(removedParties))] : []),
  ];
  return { answer: { tag: describeTag(next) }, events: [contactEvent('update_tag', fields)] };
}
