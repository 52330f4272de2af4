// The read-only directory one mock serves: departments, members, tags and the app's visible
// range, indexed once so that a 20,000-member directory still answers list calls quickly.

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
  departments: Department[];
  /** The members the login pages offer (the seed people, never the generated thousands). */
  seedMembers: Member[];
  /** Corp members, excluding linked-corp members. */
  memberCount: number;
  findDepartment(id: number): Department | undefined;
  findMember(userid: string): Member | undefined;
  findTag(tagid: number): Tag | undefined;
  isDepartmentVisible(id: number): boolean;
  /** A department the app may ask about: visible itself or an ancestor of a visible one. */
  isDepartmentReachable(id: number): boolean;
  isMemberVisible(member: Member): boolean;
  /** Visible departments in the subtree of `rootId` (all visible departments without it). */
  visibleDepartments(rootId?: number): Department[];
  /** Visible members directly in a department, or in its whole subtree with fetchChild. */
  visibleMembersOf(departmentId: number, fetchChild: boolean): Member[];
  openUserIdOf(userid: string): string;
}

export function buildDirectory(kind: DirectoryKind): Directory {
  const generated = kind === 'large' ? generateLargeDirectory(SEED_MEMBERS.length) : undefined;
  const departments = [...SEED_DEPARTMENTS, ...(generated?.departments ?? [])];
  const corpMembers = [...SEED_MEMBERS, ...(generated?.members ?? [])];
  const visibleRoots = [...SEED_VISIBLE_DEPARTMENT_ROOTS, ...(generated?.visibleRoots ?? [])];

  const departmentById = new Map(departments.map((d) => [d.id, d]));
  const childrenOf = new Map<number, number[]>();
  for (const d of departments) {
    const siblings = childrenOf.get(d.parentid) ?? [];
    siblings.push(d.id);
    childrenOf.set(d.parentid, siblings);
  }
  const subtreeOf = (rootId: number): number[] => {
    const out: number[] = [];
    const stack = [rootId];
    while (stack.length > 0) {
      const id = stack.pop()!;
      out.push(id);
      stack.push(...(childrenOf.get(id) ?? []));
    }
    return out;
  };

  // The corp root is always listed so that clients can build the tree from parentid 0; being in
  // the range below it is what makes a department's members visible.
  const rootIds = departments.filter((d) => d.parentid === 0).map((d) => d.id);
  const visibleDepartmentIds = new Set([...rootIds, ...visibleRoots.flatMap(subtreeOf)]);
  const reachableDepartmentIds = new Set(visibleDepartmentIds);
  for (const id of visibleDepartmentIds) {
    for (let parent = departmentById.get(id)?.parentid; parent; parent = departmentById.get(parent)?.parentid) {
      reachableDepartmentIds.add(parent);
    }
  }

  const memberById = new Map([...corpMembers, ...SEED_LINKED_MEMBERS].map((m) => [m.userid, m]));
  const membersByDepartment = new Map<number, Member[]>();
  for (const m of corpMembers) {
    for (const d of m.department) {
      const list = membersByDepartment.get(d) ?? [];
      list.push(m);
      membersByDepartment.set(d, list);
    }
  }

  const isMemberVisible = (m: Member) => m.linkedCorp === true || m.department.some((d) => visibleDepartmentIds.has(d));
  const tagById = new Map(SEED_TAGS.map((t) => [t.tagid, t]));
  const openUserIds = new Map<string, string>();

  return {
    departments,
    seedMembers: [...SEED_MEMBERS, ...SEED_LINKED_MEMBERS],
    memberCount: corpMembers.length,
    findDepartment: (id) => departmentById.get(id),
    findMember: (userid) => memberById.get(userid),
    findTag: (tagid) => tagById.get(tagid),
    isDepartmentVisible: (id) => visibleDepartmentIds.has(id),
    isDepartmentReachable: (id) => reachableDepartmentIds.has(id),
    isMemberVisible,
    visibleDepartments(rootId) {
      const ids = rootId === undefined ? departments.map((d) => d.id) : subtreeOf(rootId);
      return ids
        .filter((id) => visibleDepartmentIds.has(id))
        .map((id) => departmentById.get(id)!)
        .sort((a, b) => a.id - b.id);
    },
    visibleMembersOf(departmentId, fetchChild) {
      const ids = fetchChild ? subtreeOf(departmentId) : [departmentId];
      const seen = new Set<string>();
      const out: Member[] = [];
      for (const id of ids) {
        for (const m of membersByDepartment.get(id) ?? []) {
          if (!seen.has(m.userid) && isMemberVisible(m)) {
            seen.add(m.userid);
            out.push(m);
          }
        }
      }
      return out;
    },
    openUserIdOf(userid) {
      let id = openUserIds.get(userid);
      if (!id) {
        // Stable per userid, shaped like WeCom's "wo..." ids.
        id = `wo${createHash('sha256').update(`open_userid:${userid}`).digest('base64url').slice(0, 30)}`;
        openUserIds.set(userid, id);
      }
      return id;
    },
  };
}
