import type { Locale } from '@/lib/i18n/locale';
import { departmentName } from '@/lib/profile/profile-view';
import type { DirectoryIndex, DirectoryMember } from './directory-index';
import { matchesPinyin, namePinyinIfChinese, pinyinQuery } from './name-pinyin';

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

/**
 * What searching an index needs besides the index, worked out once per index (a full read or
 * a change replaces the index object): the department tree, the names per language, and each
 * member's searchable text in lower case. At 100,000 members a search is then one pass of
 * string tests, a few milliseconds, instead of rebuilding all of this per request.
 */
interface Prepared {
  childrenOf: Map<number, number[]>;
  names: Partial<Record<Locale, Map<number, string>>>;
  /** Aligned with index.members. */
  texts: string[];
}

const prepared = new WeakMap<DirectoryIndex, Prepared>();
/** Members keep their object across patches of the index: their text is worked out once. */
const textOf = new WeakMap<DirectoryMember, string>();
/** Between fields, so that a query never matches across two of them. */
const FIELD_SEPARATOR = '\u0000';

function preparedFor(index: DirectoryIndex): Prepared {
  let ready = prepared.get(index);
  if (!ready) {
    const childrenOf = new Map<number, number[]>();
    for (const d of index.departments) {
      const siblings = childrenOf.get(d.parentid);
      if (siblings) siblings.push(d.id);
      else childrenOf.set(d.parentid, [d.id]);
    }
    ready = { childrenOf, names: {}, texts: index.members.map(searchTextOf) };
    prepared.set(index, ready);
    warmPinyin(index.members);
  }
  return ready;
}

function searchTextOf(member: DirectoryMember): string {
  let text = textOf.get(member);
  if (text === undefined) {
    text = [member.name, member.userid, member.alias ?? '', member.position ?? ''].join(FIELD_SEPARATOR).toLowerCase();
    textOf.set(member, text);
  }
  return text;
}

/**
 * Pinyin of 65,000 distinct names takes a third of a second: worked out in small slices after
 * an index arrives, between requests, rather than all at once inside the first pinyin search.
 */
function warmPinyin(members: readonly DirectoryMember[], from = 0): void {
  const SLICE = 500;
  setImmediate(() => {
    for (const member of members.slice(from, from + SLICE)) namePinyinIfChinese(member.name);
    if (from + SLICE < members.length) warmPinyin(members, from + SLICE);
  }).unref?.();
}

/** `locale` picks the department names each row shows (WeCom's English ones in English, where set). */
export function searchMembers(index: DirectoryIndex, q: MemberQuery, locale: Locale = 'zh'): MemberPage {
  const { childrenOf, names, texts } = preparedFor(index);
  const scope = departmentScope(childrenOf, q.departmentId, q.includeSubDepartments);
  const everyDepartment = scope.size >= index.departments.length;
  const needle = q.query.trim().toLowerCase();
  const typed = needle ? pinyinQuery(needle) : null;
  const matches: DirectoryMember[] = [];
  index.members.forEach((member, i) => {
    if (!everyDepartment && !member.departments.some((d) => scope.has(d))) return;
    if (needle && !texts[i].includes(needle) && !(typed !== null && matchesPinyin(member.name, typed))) return;
    matches.push(member);
  });
  const namesHere = (names[locale] ??= new Map(index.departments.map((d) => [d.id, departmentName(d, locale)])));
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
      departmentNames: m.departments.map((d) => namesHere.get(d) ?? `#${d}`),
    })),
  };
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
