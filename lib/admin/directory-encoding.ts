import type { WeComDepartment } from '@/lib/wecom';
import { withDepartments, withMember, type DirectoryDepartment, type DirectoryIndex, type DirectoryMember } from './directory-index';

/**
 * How the directory index is written to the cache store. Members are rows, not objects: at
 * 100,000 members the key names alone would be a third of the value, and every instance
 * parses it whenever a full read replaces it.
 */
type MemberRow = [userid: string, name: string, alias: string, position: string, status: number, departments: number[]];

/** Bumped when the shape changes: during a rolling upgrade, old and new instances ignore each other's values. */
export const DIRECTORY_FORMAT = 2;

/** Members a stored part holds: a value well under a megabyte, parsed in a few milliseconds. */
export const MEMBERS_PER_PART = 10_000;

interface StoredHead {
  format: typeof DIRECTORY_FORMAT;
  builtAt: number;
  departments: DirectoryDepartment[];
  parts: number;
}

/** A full read as stored: a head (departments, times) and the members in parts. */
export interface EncodedFullRead {
  head: string;
  parts: string[];
}

/** A change WeCom announced, applied by every instance to its copy of the index. */
export type IndexChange =
  | { kind: 'member'; userid: string; member: DirectoryMember | null }
  | { kind: 'departments'; departments: Pick<WeComDepartment, 'id' | 'name' | 'name_en' | 'parentid' | 'order'>[] };

/**
 * Encodes part by part, letting requests in between: one JSON.stringify of 100,000 members
 * would hold this instance's requests for a tenth of a second.
 */
export async function encodeFullRead(index: DirectoryIndex): Promise<EncodedFullRead> {
  const parts: string[] = [];
  for (let from = 0; from < index.members.length; from += MEMBERS_PER_PART) {
    const rows: MemberRow[] = index.members.slice(from, from + MEMBERS_PER_PART).map((m) => [m.userid, m.name, m.alias ?? '', m.position ?? '', m.status ?? 0, m.departments]);
    parts.push(JSON.stringify({ format: DIRECTORY_FORMAT, rows }));
    await nextTurn();
  }
  const head: StoredHead = { format: DIRECTORY_FORMAT, builtAt: index.builtAt, departments: index.departments, parts: parts.length };
  return { head: JSON.stringify(head), parts };
}

/** Null for a value this version cannot read (another format, or damaged): it is then read from WeCom again. */
export function decodeHead(raw: string): Omit<StoredHead, 'format'> | null {
  const stored = parsed<StoredHead>(raw);
  return stored && Array.isArray(stored.departments) && Number.isInteger(stored.parts) ? { builtAt: stored.builtAt, departments: stored.departments, parts: stored.parts } : null;
}

export function decodePart(raw: string): DirectoryMember[] | null {
  const stored = parsed<{ rows: MemberRow[] }>(raw);
  return stored && Array.isArray(stored.rows) ? stored.rows.map(memberOfRow) : null;
}

function parsed<T>(raw: string): (T & { format: number }) | null {
  try {
    const value = JSON.parse(raw) as T & { format: number };
    return value?.format === DIRECTORY_FORMAT ? value : null;
  } catch {
    return null;
  }
}

export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function memberOfRow([userid, name, alias, position, status, departments]: MemberRow): DirectoryMember {
  return { userid, name, ...(alias ? { alias } : {}), ...(position ? { position } : {}), ...(status ? { status } : {}), departments };
}

/** One event's changes, stored as one entry of the index's change log. */
export function encodeChanges(changes: IndexChange[]): string {
  return JSON.stringify({ format: DIRECTORY_FORMAT, changes });
}

export function decodeChanges(raw: string): IndexChange[] | null {
  const stored = parsed<{ changes: IndexChange[] }>(raw);
  return stored && Array.isArray(stored.changes) ? stored.changes : null;
}

export function applyChanges(index: DirectoryIndex, changes: IndexChange[]): DirectoryIndex {
  return changes.reduce((current, change) => (change.kind === 'member' ? withMember(current, change.userid, change.member) : withDepartments(current, change.departments)), index);
}
