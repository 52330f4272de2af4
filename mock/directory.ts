// The directory one mock serves: departments, members, tags and the app's visible range. Tests
// change it at run time through the control API (members join, move, leave; departments are
// renamed; tags change), so every change goes through one of the primitives below, which
// rebuild the indexes afterwards. A full rebuild of the 20,000-member directory takes a few
// milliseconds, which is simpler and safer than patching several indexes by hand.
//
// Visibility is worked out once per change of the range or the directory, over departments and
// the range's tags only (never over all members), so a member's visibility is a few set lookups
// and changing the range of the 20,000-member directory costs well under a millisecond.
//
// Each directory owns a deep copy of the seed: a change never leaks into another mock instance
// or past a reset.

import { createHash } from 'node:crypto';
import type { VisibleRange } from './console-settings';
import { generateHugeDirectory } from './huge-directory';
import { generateLargeDirectory } from './large-directory';
import {
  SEED_DEPARTMENTS,
  SEED_LINKED_MEMBERS,
  SEED_MEMBERS,
  SEED_TAGS,
  SEED_VISIBLE_DEPARTMENT_ROOTS,
} from './seed';
import type { Department, Member, Tag } from './types';

export type DirectoryKind = 'seed' | 'large' | 'huge';
export const DIRECTORY_KINDS: readonly DirectoryKind[] = ['seed', 'large', 'huge'];

export interface Directory {
  readonly kind: DirectoryKind;
  /** Every department, in the order they were added. */
  readonly departments: readonly Department[];
  /**
   * The members the login pages and GET /__mock/directory list: the seed people and members
   * created at run time, never the generated thousands of the large directory.
   */
  readonly chooserMembers: readonly Member[];
  /** Corp members, excluding linked-corp members. */
  readonly memberCount: number;
  readonly tags: readonly Tag[];
  /** The app's visible range (可见范围) as saved, which decides every visibility answer below. */
  readonly visibleRange: VisibleRange;
  findDepartment(id: number): Department | undefined;
  findMember(userid: string): Member | undefined;
  findTag(tagid: number): Tag | undefined;
  childDepartmentsOf(id: number): Department[];
  /** Members (visible or not) whose department list holds `id`. */
  membersDirectlyIn(id: number): Member[];
  isDepartmentVisible(id: number): boolean;
  /** A department the app may ask about: visible itself or an ancestor of a visible one. */
  isDepartmentReachable(id: number): boolean;
  isMemberVisible(member: Member): boolean;
  /** True when `ancestorId` is `id` itself or above it in the tree. */
  isInSubtree(id: number, ancestorId: number): boolean;
  /** Visible departments in the subtree of `rootId` (all visible departments without it). */
  visibleDepartments(rootId?: number): Department[];
  /** Visible members directly in a department, or in its whole subtree with fetchChild. */
  visibleMembersOf(departmentId: number, fetchChild: boolean): Member[];
  openUserIdOf(userid: string): string;

  // Changes. Callers validate first (see events/contact-changes.ts); these only apply.
  addMember(member: Member): void;
  /** Replaces the member stored under `userid`; a different `next.userid` renames everywhere. */
  replaceMember(userid: string, next: Member): void;
  /** Removes the member and their tag memberships, as WeCom does. */
  removeMember(userid: string): void;
  addDepartment(department: Department): void;
  replaceDepartment(next: Department): void;
  removeDepartment(id: number): void;
  replaceTag(next: Tag): void;
  /** Saves a new visible range, as an admin does in the console; ids are kept as given. */
  setVisibleRange(range: VisibleRange): void;
  /**
   * Back to the seed and the start range (a no-op when nothing changed, so resets of the large
   * directory stay cheap).
   */
  reset(): void;
}

interface DirectoryData {
  departments: Department[];
  /** Corp members first, then linked-corp members; new members are appended. */
  members: Member[];
  tags: Tag[];
  /** Userids of the generated members, kept out of the chooser. */
  generated: Set<string>;
}

function seedData(kind: DirectoryKind): { data: DirectoryData; range: VisibleRange } {
  // structuredClone: the seed arrays are module-level constants shared by every mock in the process.
  const generated =
    kind === 'large' ? generateLargeDirectory(SEED_MEMBERS.length) : kind === 'huge' ? generateHugeDirectory(SEED_MEMBERS.length) : undefined;
  const data = {
    departments: [...structuredClone(SEED_DEPARTMENTS), ...(generated?.departments ?? [])],
    members: [...structuredClone(SEED_MEMBERS), ...(generated?.members ?? []), ...structuredClone(SEED_LINKED_MEMBERS)],
    tags: structuredClone(SEED_TAGS),
    generated: new Set(generated?.members.map((m) => m.userid) ?? []),
  };
  const range = { users: [], departments: [...SEED_VISIBLE_DEPARTMENT_ROOTS, ...(generated?.visibleRoots ?? [])], tags: [] };
  return { data, range };
}

interface Indexes {
  departmentById: Map<number, Department>;
  childrenOf: Map<number, number[]>;
  memberById: Map<string, Member>;
  membersByDepartment: Map<number, Member[]>;
  tagById: Map<number, Tag>;
  corpMemberCount: number;
  chooserMembers: Member[];
}

function subtreeIds(childrenOf: Map<number, number[]>, rootId: number): number[] {
  const out: number[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(childrenOf.get(id) ?? []));
  }
  return out;
}

function buildIndexes(data: DirectoryData): Indexes {
  const departmentById = new Map(data.departments.map((d) => [d.id, d]));
  const childrenOf = new Map<number, number[]>();
  for (const d of data.departments) {
    const siblings = childrenOf.get(d.parentid) ?? [];
    siblings.push(d.id);
    childrenOf.set(d.parentid, siblings);
  }

  const memberById = new Map<string, Member>();
  const membersByDepartment = new Map<number, Member[]>();
  const chooserMembers: Member[] = [];
  let corpMemberCount = 0;
  for (const m of data.members) {
    memberById.set(m.userid, m);
    if (!data.generated.has(m.userid)) chooserMembers.push(m);
    if (m.linkedCorp) continue;
    corpMemberCount += 1;
    for (const d of m.department) {
      const list = membersByDepartment.get(d);
      if (list) list.push(m);
      else membersByDepartment.set(d, [m]);
    }
  }

  return {
    departmentById,
    childrenOf,
    memberById,
    membersByDepartment,
    tagById: new Map(data.tags.map((t) => [t.tagid, t])),
    corpMemberCount,
    chooserMembers,
  };
}

interface Visibility {
  /** Members the range names: its users and the direct members of its tags. */
  rangeUserids: Set<string>;
  /** Departments whose members the app sees: the range's and its tags' departments, with their subtrees. */
  rangeDepartmentIds: Set<number>;
  /** What department/list shows: the range departments, topped by the corp root when there are any. */
  visibleDepartmentIds: Set<number>;
  /** Departments the app may ask about: visible ones and their ancestors. */
  reachableDepartmentIds: Set<number>;
}

function buildVisibility(index: Indexes, range: VisibleRange): Visibility {
  const rangeTags = range.tags.flatMap((tagid) => index.tagById.get(tagid) ?? []);
  const rangeUserids = new Set([...range.users, ...rangeTags.flatMap((t) => t.userids)]);

  // A department deleted since the range was saved matches nothing; one moved below a range
  // department joins the range, as on WeCom.
  const rangeDepartmentIds = new Set<number>();
  for (const root of [...range.departments, ...rangeTags.flatMap((t) => t.partyids)]) {
    if (index.departmentById.has(root)) for (const id of subtreeIds(index.childrenOf, root)) rangeDepartmentIds.add(id);
  }

  // The corp root is listed as the top of the tree so that clients can build it from parentid 0;
  // it does not make members directly in it visible unless the range holds it.
  const visibleDepartmentIds = new Set(rangeDepartmentIds);
  if (rangeDepartmentIds.size > 0) for (const root of index.childrenOf.get(0) ?? []) visibleDepartmentIds.add(root);

  const reachableDepartmentIds = new Set(visibleDepartmentIds);
  for (const id of visibleDepartmentIds) {
    for (let parent = index.departmentById.get(id)?.parentid; parent; parent = index.departmentById.get(parent)?.parentid) {
      if (reachableDepartmentIds.has(parent)) break;
      reachableDepartmentIds.add(parent);
    }
  }
  return { rangeUserids, rangeDepartmentIds, visibleDepartmentIds, reachableDepartmentIds };
}

/** Stable per userid, shaped like WeCom's "wo..." ids. */
function deriveOpenUserId(userid: string): string {
  return `wo${createHash('sha256').update(`open_userid:${userid}`).digest('base64url').slice(0, 30)}`;
}

/** `startRange`: the range the directory starts with and reset goes back to; without it, the seed's. */
export function buildDirectory(kind: DirectoryKind, startRange?: VisibleRange): Directory {
  const seed = seedData(kind);
  let data = seed.data;
  const resetRange = structuredClone(startRange ?? seed.range);
  let range = structuredClone(resetRange);
  let index = buildIndexes(data);
  let visibility = buildVisibility(index, range);
  let dataChanged = false;
  let rangeChanged = false;
  const openUserIds = new Map<string, string>();

  const afterChange = () => {
    dataChanged = true;
    index = buildIndexes(data);
    visibility = buildVisibility(index, range);
  };
  const memberPosition = (userid: string) => data.members.findIndex((m) => m.userid === userid);
  const renameIn = (list: string[], from: string, to: string) => list.map((u) => (u === from ? to : u));

  const openUserIdOf = (userid: string) => {
    let id = openUserIds.get(userid);
    if (!id) {
      id = deriveOpenUserId(userid);
      openUserIds.set(userid, id);
    }
    return id;
  };
  // Linked-corp members stay visible whatever the range: the link's own sharing decides for them.
  const isMemberVisible = (m: Member) =>
    m.linkedCorp === true || visibility.rangeUserids.has(m.userid) || m.department.some((d) => visibility.rangeDepartmentIds.has(d));

  return {
    kind,
    get departments() {
      return data.departments;
    },
    get chooserMembers() {
      return index.chooserMembers;
    },
    get memberCount() {
      return index.corpMemberCount;
    },
    get tags() {
      return data.tags;
    },
    get visibleRange() {
      return structuredClone(range);
    },
    findDepartment: (id) => index.departmentById.get(id),
    findMember: (userid) => index.memberById.get(userid),
    findTag: (tagid) => index.tagById.get(tagid),
    childDepartmentsOf: (id) => (index.childrenOf.get(id) ?? []).map((child) => index.departmentById.get(child)!),
    membersDirectlyIn: (id) => [...(index.membersByDepartment.get(id) ?? [])],
    isDepartmentVisible: (id) => visibility.visibleDepartmentIds.has(id),
    isDepartmentReachable: (id) => visibility.reachableDepartmentIds.has(id),
    isMemberVisible,
    isInSubtree(id, ancestorId) {
      for (let at: number | undefined = id; at; at = index.departmentById.get(at)?.parentid) {
        if (at === ancestorId) return true;
      }
      return false;
    },
    visibleDepartments(rootId) {
      const ids = rootId === undefined ? data.departments.map((d) => d.id) : subtreeIds(index.childrenOf, rootId);
      return ids
        .filter((id) => visibility.visibleDepartmentIds.has(id))
        .map((id) => index.departmentById.get(id)!)
        .sort((a, b) => a.id - b.id);
    },
    visibleMembersOf(departmentId, fetchChild) {
      const ids = fetchChild ? subtreeIds(index.childrenOf, departmentId) : [departmentId];
      const seen = new Set<string>();
      const out: Member[] = [];
      for (const id of ids) {
        for (const m of index.membersByDepartment.get(id) ?? []) {
          if (!seen.has(m.userid) && isMemberVisible(m)) {
            seen.add(m.userid);
            out.push(m);
          }
        }
      }
      return out;
    },
    openUserIdOf,

    addMember(member) {
      data.members.push(member);
      afterChange();
    },
    replaceMember(userid, next) {
      const at = memberPosition(userid);
      if (at === -1) throw new Error(`no member ${userid}`);
      data.members[at] = next;
      if (next.userid !== userid) {
        // WeCom keeps open_userid across a userid change, and every reference follows the member.
        openUserIds.set(next.userid, openUserIdOf(userid));
        openUserIds.delete(userid);
        if (data.generated.delete(userid)) data.generated.add(next.userid);
        for (const m of data.members) {
          if (m.direct_leader.includes(userid)) m.direct_leader = renameIn(m.direct_leader, userid, next.userid);
        }
        for (const d of data.departments) {
          if (d.department_leader.includes(userid)) d.department_leader = renameIn(d.department_leader, userid, next.userid);
        }
        for (const t of data.tags) {
          if (t.userids.includes(userid)) t.userids = renameIn(t.userids, userid, next.userid);
        }
      }
      afterChange();
    },
    removeMember(userid) {
      const at = memberPosition(userid);
      if (at === -1) throw new Error(`no member ${userid}`);
      data.members.splice(at, 1);
      for (const t of data.tags) t.userids = t.userids.filter((u) => u !== userid);
      for (const d of data.departments) d.department_leader = d.department_leader.filter((u) => u !== userid);
      afterChange();
    },
    addDepartment(department) {
      data.departments.push(department);
      afterChange();
    },
    replaceDepartment(next) {
      const at = data.departments.findIndex((d) => d.id === next.id);
      if (at === -1) throw new Error(`no department ${next.id}`);
      data.departments[at] = next;
      afterChange();
    },
    removeDepartment(id) {
      data.departments = data.departments.filter((d) => d.id !== id);
      for (const t of data.tags) t.partyids = t.partyids.filter((p) => p !== id);
      afterChange();
    },
    replaceTag(next) {
      const at = data.tags.findIndex((t) => t.tagid === next.tagid);
      if (at === -1) throw new Error(`no tag ${next.tagid}`);
      data.tags[at] = next;
      afterChange();
    },
    setVisibleRange(next) {
      range = structuredClone(next);
      rangeChanged = true;
      visibility = buildVisibility(index, range);
    },
    reset() {
      if (!dataChanged && !rangeChanged) return;
      if (dataChanged) {
        data = seedData(kind).data;
        index = buildIndexes(data);
        openUserIds.clear();
      }
      range = structuredClone(resetRange);
      visibility = buildVisibility(index, range);
      dataChanged = false;
      rangeChanged = false;
    },
  };
}
