import type { Locale } from '@/lib/i18n/locale';
import { departmentName } from '@/lib/profile/profile-view';
import type { DirectoryIndex } from './directory-index';
import { pinyinQuery } from './name-pinyin';
import { positionsHolding, positionsStartingWith, searchableNeedle, searchTableOf, type SearchTable } from './search-table';

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
  const table = searchTableOf(index);
  const scope = departmentScope(table.childrenOf, q.departmentId, q.includeSubDepartments);
  const wholeCompany = scope.size >= index.departments.length;
  const needle = q.query.trim().toLowerCase();
  const matches = !needle
    ? wholeCompany
      ? table.everyone
      : positionsIn(table.membersOf, scope)
    : matching(table, needle).filter((i) => wholeCompany || index.members[i].departments.some((d) => scope.has(d)));
  const namesHere = (table.names[locale] ??= new Map(index.departments.map((d) => [d.id, departmentName(d, locale)])));
  return {
    total: matches.length,
    offset: q.offset,
    limit: q.limit,
    members: matches.slice(q.offset, q.offset + q.limit).map((i) => {
      const m = index.members[i];
      return {
        userid: m.userid,
        name: m.name,
        alias: m.alias,
        position: m.position,
        status: m.status,
        departmentNames: m.departments.map((d) => namesHere.get(d) ?? `#${d}`),
      };
    }),
  };
}

/**
 * The company's members matching the query, in name order: name, userid, alias or position
 * holds it; or, typed in pinyin, the name's pinyin holds it or its initials start with it.
 * Native searches over the joined texts; the callers keep those in the chosen departments.
 */
function matching(table: SearchTable, needle: string): number[] {
  const joined = table.joined;
  const searchable = searchableNeedle(needle);
  const typed = pinyinQuery(needle);
  if (!joined || searchable === null) {
    return table.everyone.filter(
      (i) => table.texts[i].includes(needle) || (typed !== null && (table.pinyinFull[i].includes(typed) || (table.pinyinInitials[i] !== '' && table.pinyinInitials[i].startsWith(typed)))),
    );
  }
  const found = [positionsHolding(joined.texts, searchable)];
  if (typed !== null) found.push(positionsHolding(joined.pinyinFull, typed), positionsStartingWith(joined.pinyinInitials, typed));
  const everyone = new Set(table.everyone.length === table.texts.length ? [] : table.everyone);
  const inCompany = (i: number) => everyone.size === 0 || everyone.has(i);
  return unionAscending(found).filter(inCompany);
}

function unionAscending(lists: number[][]): number[] {
  if (lists.length === 1) return lists[0];
  const all = lists.flat().sort((a, b) => a - b);
  return all.filter((position, k) => k === 0 || all[k - 1] !== position);
}

/** The members of these departments in name order, each once (a member may be in two). */
function positionsIn(membersOf: Map<number, number[]>, scope: Set<number>): number[] {
  if (scope.size === 1) return membersOf.get(scope.values().next().value!) ?? [];
  const positions: number[] = [];
  for (const id of scope) for (const i of membersOf.get(id) ?? []) positions.push(i);
  positions.sort((a, b) => a - b);
  return positions.filter((position, k) => k === 0 || positions[k - 1] !== position);
}

function departmentScope(childrenOf: Map<number, number[]>, departmentId: number, includeSubDepartments: boolean): Set<number> {
  const scope = new Set([departmentId]);
  if (!includeSubDepartments) return scope;
  const pending = [departmentId];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    for (const child of childrenOf.get(id) ?? []) {
      if (!scope.has(child)) {
        scope.add(child);
        pending.push(child);
      }
    }
  }
  return scope;
}
