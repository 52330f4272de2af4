// The directory one mock serves: departments, members, tags and the app's visible range. Tests
// change it at run time through the control API (members join, move, leave; departments are
// renamed; tags change), so every change goes through one of the primitives below, which
// rebuild the indexes afterwards. A full rebuild of the 20,000-member directory takes a few
// milliseconds, which is simpler and safer than patching several indexes by hand.
//
// Each directory owns a deep copy of the seed: a change never leaks into another mock instance
// or past a reset.

import { createHash } from 'node:crypto';
import { generateLargeDirectory } from './large-directory';
import {
  SEED_DEPARTMENTS,
  SEED_LINKED_MEMBERS,
  SEED_MEMBERS,
  SEED_TAGS,
  SEED_VISIBLE_DEPARTMENT_ROOTS,
} from './seed';
import type { Department, Member, Tag } from './types';

export type DirectoryKind = 'seed' | 'large';

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
  /** Back to the seed (a no-op when nothing changed, so resets of the large directory stay cheap). */
  reset(): void;
}

interface DirectoryData {
  departments: Department[];
  /** Corp members first, then linked-corp members; new members are appended. */
  members: Member[];
  tags: Tag[];
  visibleRoots: number[];
  /** Userids of the generated members, kept out of the chooser. */
  generated: Set<string>;
}

function seedData(kind: DirectoryKind): DirectoryData {
  // structuredClone: the seed arrays are module-level constants shared by every mock in the process.
  const generated = kind === 'large' ? generateLargeDirectory(SEED_MEMBERS.length) : undefined;
  return {
    departments: [...structuredClone(SEED_DEPARTMENTS), ...(generated?.departments ?? [])],
    members: [...structuredClone(SEED_MEMBERS), ...(generated?.members ?? []), ...structuredClone(SEED_LINKED_MEMBERS)],
    tags: structuredClone(SEED_TAGS),
    visibleRoots: [...SEED_VISIBLE_DEPARTMENT_ROOTS, ...(generated?.visibleRoots ?? [])],
    generated: new Set(generated?.members.map((m) => m.userid) ?? []),
  };
}

interface Indexes {
  departmentById: Map<number, Department>;
  childrenOf: Map<number, number[]>;
  visibleDepartmentIds: Set<number>;
  reachableDepartmentIds: Set<number>;
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

  // The corp root is always listed so that clients can build the tree from parentid 0; being in
  // the range below it is what makes a department's members visible. A deleted range root simply
  // drops out; a department moved below a range root joins the range.
  const rootIds = data.departments.filter((d) => d.parentid === 0).map((d) => d.id);
  const visibleDepartmentIds = new Set(rootIds);
  for (const root of data.visibleRoots) {
    if (departmentById.has(root)) for (const id of subtreeIds(childrenOf, root)) visibleDepartmentIds.add(id);
  }
  const reachableDepartmentIds = new Set(visibleDepartmentIds);
  for (const id of visibleDepartmentIds) {
    for (let parent = departmentById.get(id)?.parentid; parent; parent = departmentById.get(parent)?.parentid) {
      if (reachableDepartmentIds.has(parent)) break;
      reachableDepartmentIds.add(parent);
    }
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
    visibleDepartmentIds,
    reachableDepartmentIds,
    memberById,
    membersByDepartment,
    tagById: new Map(data.tags.map((t) => [t.tagid, t])),
    corpMemberCount,
    chooserMembers,
  };
}

/** Stable per userid, shaped like WeCom's "wo..." ids. */
function deriveOpenUserId(userid: string): string {
  return `wo${createHash('sha256').update(`open_userid:${userid}`).digest('base64url').slice(0, 30)}`;
}

export function buildDirectory(kind: DirectoryKind): Directory {
  let data = seedData(kind);
  let index = buildIndexes(data);
  let changed = false;
  const openUserIds = new Map<string, string>();

  const afterChange = () => {
    changed = true;
    index = buildIndexes(data);
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
  const isMemberVisible = (m: Member) => m.linkedCorp === true || m.department.some((d) => index.visibleDepartmentIds.has(d));

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
    findDepartment: (id) => index.departmentById.get(id),
    findMember: (userid) => index.memberById.get(userid),
    findTag: (tagid) => index.tagById.get(tagid),
    childDepartmentsOf: (id) => (index.childrenOf.get(id) ?? []).map((child) => index.departmentById.get(child)!),
    membersDirectlyIn: (id) => [...(index.membersByDepartment.get(id) ?? [])],
    isDepartmentVisible: (id) => index.visibleDepartmentIds.has(id),
    isDepartmentReachable: (id) => index.reachableDepartmentIds.has(id),
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
        .filter((id) => index.visibleDepartmentIds.has(id))
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
    reset() {
      if (!changed) return;
      data = seedData(kind);
      index = buildIndexes(data);
      openUserIds.clear();
      changed = false;
    },
  };
}
