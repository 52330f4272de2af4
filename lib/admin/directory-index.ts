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

const PARALLEL_DEPARTMENT_READS = 8;
const collator = new Intl.Collator('zh-CN');
const byName = (a: DirectoryMember, b: DirectoryMember) => collator.compare(a.name, b.name) || a.userid.localeCompare(b.userid);

export function directoryMemberOf(user: WeComUser, fallbackDepartment?: number): DirectoryMember {
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
  const worker = async () => {
    for (let department = queue.shift(); department; department = queue.shift()) {
      for (const user of await client.listDepartmentUsers(department.id)) {
        if (!members.has(user.userid)) members.set(user.userid, directoryMemberOf(user, department.id));
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_DEPARTMENT_READS }, worker));
  return indexOf(departments, [...members.values()].sort(byName), builtAt);
}

/** The index with one member added, replaced (same userid) or, with `null`, removed. */
export function withMember(index: DirectoryIndex, userid: string, member: DirectoryMember | null): DirectoryIndex {
  const members = index.members.filter((m) => m.userid !== userid && m.userid !== member?.userid);
  if (member) members.splice(insertionPoint(members, member), 0, member);
  return indexOf(index.departments, members, index.builtAt);
}

/** The index with WeCom's current department list (renamed, moved, added or removed departments). */
export function withDepartments(index: DirectoryIndex, departments: Pick<WeComDepartment, 'id' | 'name' | 'name_en' | 'parentid' | 'order'>[]): DirectoryIndex {
  return indexOf(departments, index.members, index.builtAt);
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
  const parentOf = new Map(departments.map((d) => [d.id, d.parentid]));
  const direct = new Map<number, number>();
  const totals = new Map<number, number>();
  for (const member of members) {
    const counted = new Set<number>();
    for (const start of member.departments) {
      if (!parentOf.has(start)) continue;
      direct.set(start, (direct.get(start) ?? 0) + 1);
      for (let id: number | undefined = start; id && !counted.has(id); id = parentOf.get(id)) counted.add(id);
    }
    for (const id of counted) totals.set(id, (totals.get(id) ?? 0) + 1);
  }
  return { direct, totals };
}
