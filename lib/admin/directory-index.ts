import 'server-only';
import { getCacheStore } from '@/lib/cache';
import { appCacheKey } from '@/lib/cache/app-keys';
import { cachedJson } from '@/lib/cache/cached';
import { getConfig } from '@/lib/config';
import { getWeComClient, type WeComDepartment } from '@/lib/wecom';

/**
 * The whole visible directory, read once per cache lifetime: departments from
 * department/list and each department's direct members from user/list (which, unlike
 * user/simplelist, carries the alias, position and status that search and badges need).
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
  builtAt: number;
}

const PARALLEL_DEPARTMENT_READS = 8;

const indexKey = () => appCacheKey('data', 'directory_index');

let parsed: { raw: string; index: DirectoryIndex } | null = null;

export async function getDirectoryIndex(): Promise<DirectoryIndex> {
  const store = getCacheStore();
  const ttl = getConfig().dataCacheSeconds;
  const raw = ttl > 0 ? await store.get(indexKey()) : null;
  // A 20,000-member index is megabytes of JSON: parse it once per version, not per request.
  if (raw !== null && parsed?.raw === raw) return parsed.index;
  if (raw !== null) {
    parsed = { raw, index: JSON.parse(raw) as DirectoryIndex };
    return parsed.index;
  }
  return cachedJson(store, indexKey(), ttl, buildDirectoryIndex);
}

/** The admins' "refresh": the next read goes to WeCom. */
export async function forgetDirectoryIndex(): Promise<void> {
  parsed = null;
  await getCacheStore().delete(indexKey());
}

async function buildDirectoryIndex(): Promise<DirectoryIndex> {
  const client = getWeComClient();
  const departments = await client.listDepartments();
  const members = new Map<string, DirectoryMember>();
  const direct = new Map<number, number>();

  const queue = [...departments];
  const worker = async () => {
    for (let department = queue.shift(); department; department = queue.shift()) {
      const users = await client.listDepartmentUsers(department.id);
      direct.set(department.id, users.length);
      for (const user of users) {
        if (members.has(user.userid)) continue;
        members.set(user.userid, {
          userid: user.userid,
          name: user.name,
          alias: user.alias || undefined,
          position: user.position || undefined,
          status: user.status,
          departments: user.department ?? [department.id],
        });
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_DEPARTMENT_READS }, worker));

  const collator = new Intl.Collator('zh-CN');
  const sorted = [...members.values()].sort((a, b) => collator.compare(a.name, b.name) || a.userid.localeCompare(b.userid));
  const totals = subtreeTotals(departments, sorted);
  return {
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      parentid: d.parentid,
      order: d.order,
      directCount: direct.get(d.id) ?? 0,
      totalCount: totals.get(d.id) ?? 0,
    })),
    members: sorted,
    builtAt: Date.now(),
  };
}

/** Each member counts once in every department above any of theirs. */
function subtreeTotals(departments: WeComDepartment[], members: DirectoryMember[]): Map<number, number> {
  const parentOf = new Map(departments.map((d) => [d.id, d.parentid]));
  const totals = new Map<number, number>();
  for (const member of members) {
    const counted = new Set<number>();
    for (const start of member.departments) {
      for (let id: number | undefined = start; id && !counted.has(id); id = parentOf.get(id)) counted.add(id);
    }
    for (const id of counted) totals.set(id, (totals.get(id) ?? 0) + 1);
  }
  return totals;
}
