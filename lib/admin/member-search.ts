import type { Locale } from '@/lib/i18n/locale';
import { departmentName } from '@/lib/profile/profile-view';
import type { DirectoryIndex, DirectoryMember } from './directory-index';
import { matchesPinyin, pinyinQuery } from './name-pinyin';

/** One page of members in a department (optionally with its sub-departments), filtered by a query. */
export interface MemberQuery {
  departmentId: number;
  includeSubDepartments: boolean;
  query: string;
  offset: number;
  limit: number;
}

export interface MemberRow {
  userid: string;
  name: string;
  alias?: string;
  position?: string;
  status?: number;
  departmentNames: string[];
}

export interface MemberPage {
  total: number;
  offset: number;
  limit: number;
  members: MemberRow[];
}

/** `locale` picks the department names each row shows (WeCom's English ones in English, where set). */
export function searchMembers(index: DirectoryIndex, q: MemberQuery, locale: Locale = 'zh'): MemberPage {
  const scope = departmentScope(index, q.departmentId, q.includeSubDepartments);
  const needle = q.query.trim().toLowerCase();
  const matches = index.members.filter((m) => m.departments.some((d) => scope.has(d)) && (!needle || matchesQuery(m, needle)));
  const names = new Map(index.departments.map((d) => [d.id, departmentName(d, locale)]));
  return {
    total: matches.length,
    offset: q.offset,
    limit: q.limit,
    members: matches.slice(q.offset, q.offset + q.limit).map((m) => ({
      userid: m.userid,
      name: m.name,
      alias: m.alias,
      position: m.position,
      status: m.status,
      departmentNames: m.departments.map((d) => names.get(d) ?? `#${d}`),
    })),
  };
}

function matchesQuery(member: DirectoryMember, needle: string): boolean {
  if ([member.name, member.userid, member.alias, member.position].some((field) => field?.toLowerCase().includes(needle))) return true;
  const typed = pinyinQuery(needle);
  return typed !== null && matchesPinyin(member.name, typed);
}

function departmentScope(index: DirectoryIndex, departmentId: number, includeSubDepartments: boolean): Set<number> {
  const scope = new Set([departmentId]);
  if (!includeSubDepartments) return scope;
  const children = new Map<number, number[]>();
  for (const d of index.departments) children.set(d.parentid, [...(children.get(d.parentid) ?? []), d.id]);
  const pending = [departmentId];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    for (const child of children.get(id) ?? []) {
      if (!scope.has(child)) {
        scope.add(child);
        pending.push(child);
      }
    }
  }
  return scope;
}
