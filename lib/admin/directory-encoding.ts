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

interface StoredIndex {
  format: typeof DIRECTORY_FORMAT;
  builtAt: number;
  departments: DirectoryDepartment[];
  members: MemberRow[];
}

/** A change WeCom announced, applied by every instance to its copy of the index. */
export type IndexChange =
  | { kind: 'member'; userid: string; member: DirectoryMember | null }
  | { kind: 'departments'; departments: Pick<WeComDepartment, 'id' | 'name' | 'name_en' | 'parentid' | 'order'>[] };

export function encodeIndex(index: DirectoryIndex): string {
  const stored: StoredIndex = {
    format: DIRECTORY_FORMAT,
    builtAt: index.builtAt,
    departments: index.departments,
    members: index.members.map((m) => [m.userid, m.name, m.alias ?? '', m.position ?? '', m.status ?? 0, m.departments]),
  };
  return JSON.stringify(stored);
}

/** Null for a value this version cannot read (another format, or damaged): it is then read from WeCom again. */
export function decodeIndex(raw: string): DirectoryIndex | null {
  let stored: StoredIndex;
  try {
    stored = JSON.parse(raw) as StoredIndex;
  } catch {
    return null;
  }
  if (stored?.format !== DIRECTORY_FORMAT || !Array.isArray(stored.members) || !Array.isArray(stored.departments)) return null;
  return { builtAt: stored.builtAt, departments: stored.departments, members: stored.members.map(memberOfRow) };
}

function memberOfRow([userid, name, alias, position, status, departments]: MemberRow): DirectoryMember {
  return { userid, name, ...(alias ? { alias } : {}), ...(position ? { position } : {}), ...(status ? { status } : {}), departments };
}

/** One event's changes, stored as one entry of the index's change log. */
export function encodeChanges(changes: IndexChange[]): string {
  return JSON.stringify({ format: DIRECTORY_FORMAT, changes });
}

export function decodeChanges(raw: string): IndexChange[] | null {
  try {
    const stored = JSON.parse(raw) as { format?: number; changes?: IndexChange[] };
    return stored.format === DIRECTORY_FORMAT && Array.isArray(stored.changes) ? stored.changes : null;
  } catch {
    return null;
  }
}

export function applyChanges(index: DirectoryIndex, changes: IndexChange[]): DirectoryIndex {
  return changes.reduce((current, change) => (change.kind === 'member' ? withMember(current, change.userid, change.member) : withDepartments(current, change.departments)), index);
}
