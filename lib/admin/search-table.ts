import type { Locale } from '@/lib/i18n/locale';
import type { DirectoryIndex, DirectoryMember } from './directory-index';
import { namePinyinIfChinese } from './name-pinyin';

/**
 * What searching an index needs besides the index, worked out once per index (a full read or
 * a change replaces the index object): the department tree, the names per language, each
 * department's members, and every member's searchable text, in lower case, and name in pinyin.
 *
 * The texts are also joined into one string per kind, with each member's start recorded, so
 * a search of the whole company is a few native `indexOf` runs over a few megabytes rather
 * than 100,000 separate string tests (40 ms at 100,000 members, over the 50 ms budget of a
 * request once the rest of the request is added).
 */
export interface SearchTable {
  childrenOf: Map<number, number[]>;
  names: Partial<Record<Locale, Map<number, string>>>;
  /** Positions in index.members (so in name order) of each department's direct members. */
  membersOf: Map<number, number[]>;
  /** Positions of the members in at least one known department: the whole company's list. */
  everyone: number[];
  /** Per member, aligned with index.members. */
  texts: string[];
  pinyinFull: string[];
  pinyinInitials: string[];
  joined: { texts: JoinedText; pinyinFull: JoinedText; pinyinInitials: JoinedText } | null;
}

/** Texts end to end, each after a separator, and where each one starts. */
interface JoinedText {
  all: string;
  starts: Int32Array;
}

/** Before each member's text: no query holds it (see `searchableNeedle`), so no match spans two members. */
const MEMBER_SEPARATOR = '\u0001';
/** Between fields of one member, so that a query never matches across two of them. */
const FIELD_SEPARATOR = '\u0000';
/** Members prepared between two yields to the event loop: a few milliseconds of work. */
const SLICE = 2000;

const tables = new WeakMap<DirectoryIndex, SearchTable>();
const inPreparation = new WeakMap<DirectoryIndex, Promise<void>>();
/** Members keep their object across patches of the index: their text is worked out once. */
const textOf = new WeakMap<DirectoryMember, string>();

/**
 * Prepares an index for search in slices, letting requests in between (a third of a second
 * at 100,000 members the first time, for the pinyin of 65,000 distinct names). The directory
 * store awaits it before it serves a new index in place of an old one, so no request pays for
 * it; searches await it too, for the first index, which is served before it is prepared.
 */
export function prepareForSearch(index: DirectoryIndex): Promise<void> {
  if (tables.has(index)) return Promise.resolve();
  let preparing = inPreparation.get(index);
  if (!preparing) {
    preparing = (async () => {
      const table = emptyTable(index);
      for (let from = 0; from < index.members.length; from += SLICE) {
        fillSlice(index, table, from, from + SLICE);
        await new Promise((resolve) => setImmediate(resolve));
      }
      finish(table);
      tables.set(index, table);
    })();
    inPreparation.set(index, preparing);
  }
  return preparing;
}

/** The table of an index, made at once when the store has not prepared it (tests, no data cache). */
export function searchTableOf(index: DirectoryIndex): SearchTable {
  let table = tables.get(index);
  if (!table) {
    table = emptyTable(index);
    fillSlice(index, table, 0, index.members.length);
    finish(table);
    tables.set(index, table);
  }
  return table;
}

/** A query as the joined texts can take it; null for one holding a separator (then each member is tested). */
export function searchableNeedle(needle: string): string | null {
  return needle.includes(MEMBER_SEPARATOR) || needle.includes(FIELD_SEPARATOR) ? null : needle;
}

/** Positions, ascending, of the members whose text holds `needle` anywhere. */
export function positionsHolding(joined: JoinedText, needle: string): number[] {
  return scan(joined, needle);
}

/** Positions, ascending, of the members whose text starts with `prefix`. */
export function positionsStartingWith(joined: JoinedText, prefix: string): number[] {
  return scan(joined, MEMBER_SEPARATOR + prefix);
}

function scan({ all, starts }: JoinedText, needle: string): number[] {
  const found: number[] = [];
  for (let at = all.indexOf(needle); at !== -1; ) {
    const position = memberAt(starts, at);
    found.push(position);
    // The next member's text: one match per member is enough.
    at = position + 1 < starts.length ? all.indexOf(needle, starts[position + 1] - 1) : -1;
  }
  return found;
}

/** The member whose text holds offset `at` (its separator included). */
function memberAt(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle] - 1 <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

function emptyTable(index: DirectoryIndex): SearchTable {
  const childrenOf = new Map<number, number[]>();
  for (const d of index.departments) {
    const siblings = childrenOf.get(d.parentid);
    if (siblings) siblings.push(d.id);
    else childrenOf.set(d.parentid, [d.id]);
  }
  const size = index.members.length;
  return {
    childrenOf,
    names: {},
    membersOf: new Map(),
    everyone: [],
    texts: new Array(size),
    pinyinFull: new Array(size),
    pinyinInitials: new Array(size),
    joined: null,
  };
}

function fillSlice(index: DirectoryIndex, table: SearchTable, from: number, to: number): void {
  const known = new Set(index.departments.map((d) => d.id));
  for (let i = from; i < Math.min(to, index.members.length); i += 1) {
    const member = index.members[i];
    table.texts[i] = searchTextOf(member);
    const pinyin = namePinyinIfChinese(member.name);
    table.pinyinFull[i] = pinyin?.full ?? '';
    table.pinyinInitials[i] = pinyin?.initials ?? '';
    let inKnown = false;
    for (const d of member.departments) {
      inKnown ||= known.has(d);
      const list = table.membersOf.get(d);
      if (list) list.push(i);
      else table.membersOf.set(d, [i]);
    }
    if (inKnown) table.everyone.push(i);
  }
}

function finish(table: SearchTable): void {
  table.joined = { texts: join(table.texts), pinyinFull: join(table.pinyinFull), pinyinInitials: join(table.pinyinInitials) };
}

function join(texts: string[]): JoinedText {
  const starts = new Int32Array(texts.length);
  let offset = 0;
  texts.forEach((text, i) => {
    starts[i] = offset + 1;
    offset += text.length + 1;
  });
  return { all: MEMBER_SEPARATOR + texts.join(MEMBER_SEPARATOR), starts };
}

function searchTextOf(member: DirectoryMember): string {
  let text = textOf.get(member);
  if (text === undefined) {
    text = [member.name, member.userid, member.alias ?? '', member.position ?? ''].join(FIELD_SEPARATOR).toLowerCase();
    textOf.set(member, text);
  }
  return text;
}
