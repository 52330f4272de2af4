import type { WeComClient, WeComDepartment, WeComUser } from '@/lib/wecom';

/**
 * The whole visible directory as the admin pages search it: departments from
 * department/list and each department's direct members from user/list (which, unlike
 * user/simplelist, carries the alias, position and status that search and badges need).
 * Built in full once, then patched member by member or department list by department list
 * as WeCom's events say what changed (lib/admin/directory-store.ts).
 */
export interface DirectoryMember {
  userid: string;
  name: string;
  alias?: string;
  position?: string;
  status?: number;
  departments: number[];
}

export interface DirectoryDepartment {
  id: number;
  name: string;
  /** WeCom's English name, where the company set one (shown in English). */
  name_en?: string;
  parentid: number;
  order?: number;
  /** Members directly in this department. */
  directCount: number;
  /** Distinct members in this department and every department below it. */
  totalCount: number;
}

export interface DirectoryIndex {
  departments: DirectoryDepartment[];
  /** Sorted by name in Chinese collation order. */
  members: DirectoryMember[];
  /** When the full read that this index comes from started (patches keep it). */
  builtAt: number;
}

/**
 * A full read asks user/list once per department. 48 at a time read a 100,000-member company
 * (1,462 departments) in about 4 s at 50 ms a call; its 1,463 calls are far below WeCom's
 * 10,000 a minute per API (lib/admin/full-read-budget.ts). The first refusal stops the read.
 */
export const PARALLEL_DEPARTMENT_READS = 48;
const collator = new Intl.Collator('zh-CN');
/** The collator's first level only: 'a' and 'A' are one letter here. */
const lettersOnly = new Intl.Collator('zh-CN', { sensitivity: 'base' });
/** Namesakes (a third of a large company's names repeat) in userid order, compared as plain strings: quick, and only needs to be stable. */
const byUserid = (a: DirectoryMember, b: DirectoryMember) => (a.userid < b.userid ? -1 : a.userid > b.userid ? 1 : 0);
const byName = (a: DirectoryMember, b: DirectoryMember) => collator.compare(a.name, b.name) || byUserid(a, b);

export function directoryMemberOf(user: Pick<WeComUser, 'userid' | 'name' | 'alias' | 'position' | 'status' | 'department'>, fallbackDepartment?: number): DirectoryMember {
  return {
    userid: user.userid,
    name: user.name,
    alias: user.alias || undefined,
    position: user.position || undefined,
    status: user.status,
    departments: user.department ?? (fallbackDepartment === undefined ? [] : [fallbackDepartment]),
  };
}

export async function buildDirectoryIndex(client: Pick<WeComClient, 'listDepartments' | 'listDepartmentUsers'>, now: () => number = Date.now): Promise<DirectoryIndex> {
  const builtAt = now();
  const departments = await client.listDepartments();
  const members = new Map<string, DirectoryMember>();
  const queue = [...departments];
  // The first failure ends the read: the other readers stop taking departments, so a WeCom
  // that refuses (45009, 60020) is not asked another thousand times for nothing.
  let failed = false;
  const reader = async () => {
    for (let department = queue.shift(); department && !failed; department = queue.shift()) {
      try {
        for (const user of await client.listDepartmentUsers(department.id)) {
          if (!members.has(user.userid)) members.set(user.userid, directoryMemberOf(user, department.id));
        }
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DEPARTMENT_READS, departments.length) }, reader));
  return indexOf(departments, sortedByName([...members.values()]), builtAt);
}

/**
 * The index with one member added, replaced (same userid) or, with `null`, removed. The
 * counts change only along the member's departments and the ones above them, so a patch
 * costs a copy of the member list, not a recount of 100,000 members.
 */
export function withMember(index: DirectoryIndex, userid: string, member: DirectoryMember | null): DirectoryIndex {
  const leaving = index.members.filter((m) => m.userid === userid || m.userid === member?.userid);
  const members = leaving.length > 0 ? index.members.filter((m) => !leaving.includes(m)) : index.members.slice();
  if (member) members.splice(insertionPoint(members, member), 0, member);
  const parentOf = parentsOf(index.departments);
  const change = new Map<number, { direct: number; total: number }>();
  const count = (m: DirectoryMember, by: number) => {
    const { direct, total } = placesOf(m, parentOf);
    for (const id of direct) change.set(id, { direct: (change.get(id)?.direct ?? 0) + by, total: change.get(id)?.total ?? 0 });
    for (const id of total) change.set(id, { direct: change.get(id)?.direct ?? 0, total: (change.get(id)?.total ?? 0) + by });
  };
  for (const m of leaving) count(m, -1);
  if (member) count(member, 1);
  const departments = index.departments.map((d) => {
    const delta = change.get(d.id);
    return delta ? { ...d, directCount: d.directCount + delta.direct, totalCount: d.totalCount + delta.total } : d;
  });
  return { departments, members, builtAt: index.builtAt };
}

/** The index with WeCom's current department list (renamed, moved, added or removed departments). */
export function withDepartments(index: DirectoryIndex, departments: Pick<WeComDepartment, 'id' | 'name' | 'name_en' | 'parentid' | 'order'>[]): DirectoryIndex {
  return indexOf(departments, index.members, index.builtAt);
}

/**
 * The members in the order of `byName`, without asking the collator 1.7 million times for
 * 100,000 names (a third of a second that no request could be served in). Each distinct
 * character gets its rank in the collator's order once; a name's key is its ranks as a
 * string, and keys compare as plain strings. Characters the collator tells apart only by
 * case or accent share a rank, so keys order by letters first as the collator does, and
 * equal keys fall back to the collator itself.
 */
export function sortedByName(members: DirectoryMember[]): DirectoryMember[] {
  const characters = new Set<string>();
  // By UTF-16 unit, not by code point: a plain loop is five times quicker than Array.from, and a
  // rare character outside the BMP still sorts the same way wherever it appears.
  for (const member of members) for (let i = 0; i < member.name.length; i += 1) characters.add(member.name[i]);
  const ordered = [...characters].sort(collator.compare);
  const rankOf = new Map<string, number>();
  let rank = 1;
  ordered.forEach((character, i) => {
    if (i > 0 && lettersOnly.compare(ordered[i - 1], character) !== 0) rank += 1;
    rankOf.set(character, rank);
  });
  const keyed = members.map((member) => {
    let key = '';
    for (let i = 0; i < member.name.length; i += 1) key += String.fromCharCode(rankOf.get(member.name[i])!);
    return { member, key };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.member.name === b.member.name ? byUserid(a.member, b.member) : byName(a.member, b.member)));
  return keyed.map((entry) => entry.member);
}

function insertionPoint(sorted: DirectoryMember[], member: DirectoryMember): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byName(sorted[middle], member) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function indexOf(departments: Pick<WeComDepartment, 'id' | 'name' | 'name_en' | 'parentid' | 'order'>[], members: DirectoryMember[], builtAt: number): DirectoryIndex {
  const { direct, totals } = memberCounts(departments, members);
  return {
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      ...(d.name_en ? { name_en: d.name_en } : {}),
      parentid: d.parentid,
      order: d.order,
      directCount: direct.get(d.id) ?? 0,
      totalCount: totals.get(d.id) ?? 0,
    })),
    members,
    builtAt,
  };
}

/** Direct members of each department, and each member once in every department above any of theirs. */
function memberCounts(departments: Pick<WeComDepartment, 'id' | 'parentid'>[], members: DirectoryMember[]) {
  const parentOf = parentsOf(departments);
  const direct = new Map<number, number>();
  const totals = new Map<number, number>();
  for (const member of members) {
    const places = placesOf(member, parentOf);
    for (const id of places.direct) direct.set(id, (direct.get(id) ?? 0) + 1);
    for (const id of places.total) totals.set(id, (totals.get(id) ?? 0) + 1);
  }
  return { direct, totals };
}

function parentsOf(departments: Pick<WeComDepartment, 'id' | 'parentid'>[]): Map<number, number> {
  return new Map(departments.map((d) => [d.id, d.parentid]));
}

/** Where a member counts: directly in their known departments, and once in each of those and every one above. */
function placesOf(member: DirectoryMember, parentOf: Map<number, number>): { direct: number[]; total: Set<number> } {
  const direct = member.departments.filter((id) => parentOf.has(id));
  const total = new Set<number>();
  for (const start of direct) {
    for (let id: number | undefined = start; id && !total.has(id); id = parentOf.get(id)) total.add(id);
  }
  return { direct, total };
}
