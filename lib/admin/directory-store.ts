import 'server-only';
import { randomUUID } from 'node:crypto';
import { getCacheStore } from '@/lib/cache';
import { cacheKeys } from '@/lib/cache/keys';
import { tryLock, waitForLock } from '@/lib/cache/lock';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { getWeComClient, isWeComError } from '@/lib/wecom';
import { applyChanges, decodeChanges, decodeHead, decodePart, DIRECTORY_FORMAT, encodeChanges, encodeFullRead, nextTurn, type IndexChange } from './directory-encoding';
import { buildDirectoryIndex, directoryMemberOf, type DirectoryIndex } from './directory-index';
import { minSecondsBetweenFullReads } from './full-read-budget';
import { prepareForSearch } from './search-table';

/**
 * Where the admin directory lives: in the cache store, shared by every instance, as a full
 * read of WeCom followed by a log of the changes WeCom's events announced since. A small
 * version record names both; every admin request reads only that record, and an instance
 * fetches the full read (megabytes at 100,000 members) only when it is new to it, and only
 * the changes it has not applied yet otherwise.
 *
 * Once warm no request waits for WeCom: an index older than DATA_CACHE_SECONDS (and than the
 * spacing WeCom's rate limits call for, lib/admin/full-read-budget.ts) is still served while
 * one instance, holding a lock in the store, reads WeCom again in the background. Only the
 * very first request, with no index anywhere, waits for the full read, and the fleet shares it.
 */

/** How long the directory is kept without any write: a day without a full read or a change ends it. */
const KEEP_SECONDS = 24 * 3600;
/** A full read of a large tenant takes seconds; a holder that dies frees the lock after this. */
const LOCK_SECONDS = 120;
/** Past this many logged changes the next one writes a new full copy instead, so a late instance replays little. */
const MAX_LOGGED_CHANGES = 200;

/** The record every request reads. */
interface DirectoryVersion {
  format: typeof DIRECTORY_FORMAT;
  /** The full read in the store (a random id, never reused). */
  readId: string;
  /** When that full read started. */
  builtAt: number;
  /** How many logged changes follow it. */
  changes: number;
}

interface Current {
  version: DirectoryVersion;
  index: DirectoryIndex;
}

/** This instance's copy, and where in the store's history it stands. */
let local: Current | null = null;
const syncs = new Map<string, Promise<DirectoryIndex | null>>();
let backgroundRefresh: Promise<void> | null = null;
let coldBuild: Promise<DirectoryIndex> | null = null;

async function readVersion(): Promise<DirectoryVersion | null> {
  const raw = await getCacheStore().get(cacheKeys.directoryVersion());
  if (raw === null) return null;
  try {
    const version = JSON.parse(raw) as DirectoryVersion;
    return version.format === DIRECTORY_FORMAT && typeof version.readId === 'string' && Number.isInteger(version.changes) ? version : null;
  } catch {
    return null;
  }
}

/** The store's directory, fetched only as far as this instance lacks it; null when there is none to read. */
async function readCurrent(): Promise<Current | null> {
  // A second try covers a full read replaced (and its old copy deleted) while this one fetched it.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const version = await readVersion();
    if (!version) return null;
    if (local && local.version.readId === version.readId && local.version.changes === version.changes) return local;
    const key = `${version.readId}:${version.changes}`;
    let sync = syncs.get(key);
    if (!sync) {
      sync = catchUpTo(version).finally(() => syncs.delete(key));
      syncs.set(key, sync);
    }
    const index = await sync;
    if (index) return { version, index };
  }
  return null;
}

async function catchUpTo(version: DirectoryVersion): Promise<DirectoryIndex | null> {
  const store = getCacheStore();
  let from = local && local.version.readId === version.readId && local.version.changes <= version.changes ? local : null;
  if (!from) {
    const index = await fetchFullRead(version.readId);
    if (!index) return null;
    from = { version: { ...version, changes: 0 }, index };
  }
  let { index } = from;
  for (let sequence = from.version.changes + 1; sequence <= version.changes; sequence += 1) {
    const raw = await store.get(cacheKeys.directoryChange(version.readId, sequence));
    const changes = raw === null ? null : decodeChanges(raw);
    if (!changes) return null;
    index = applyChanges(index, changes);
  }
  // Prepared for search between requests while the old index is still served; an instance
  // with none serves it at once (the page needs only departments; searches wait for it).
  const preparing = prepareForSearch(index);
  if (local) await preparing;
  keepLocally({ version, index });
  return index;
}

/** Part by part, each parsed between requests; null when any part is gone or unreadable. */
async function fetchFullRead(readId: string): Promise<DirectoryIndex | null> {
  const store = getCacheStore();
  const headRaw = await store.get(cacheKeys.directoryFullRead(readId));
  const head = headRaw === null ? null : decodeHead(headRaw);
  if (!head) return null;
  const members: DirectoryIndex['members'] = [];
  for (let part = 0; part < head.parts; part += 1) {
    const raw = await store.get(cacheKeys.directoryFullReadPart(readId, part));
    const decoded = raw === null ? null : decodePart(raw);
    if (!decoded) return null;
    for (const member of decoded) members.push(member);
    await nextTurn();
  }
  return { builtAt: head.builtAt, departments: head.departments, members };
}

/** Concurrent catch-ups may finish out of order: the copy only moves forward. */
function keepLocally(next: Current): void {
  const newer =
    !local ||
    next.version.builtAt > local.version.builtAt ||
    (next.version.readId === local.version.readId && next.version.changes > local.version.changes);
  if (newer) local = next;
}

/**
 * `servedBeforePrepared`: the cold build, where no index is served yet; the /admin page needs
 * only the departments, and searches wait for the preparation themselves.
 */
async function storeFullRead(index: DirectoryIndex, { servedBeforePrepared = false } = {}): Promise<DirectoryIndex> {
  const store = getCacheStore();
  // builtAt is when the read of WeCom started: the read's own time ends here.
  const readMs = Date.now() - index.builtAt;
  const storing = performance.now();
  const previous = await readVersion();
  const version: DirectoryVersion = { format: DIRECTORY_FORMAT, readId: randomUUID(), builtAt: index.builtAt, changes: 0 };
  const encoded = await encodeFullRead(index);
  // Parts first, the head after them, the version last: whoever reads the version finds it all.
  for (const [part, raw] of encoded.parts.entries()) await store.set(cacheKeys.directoryFullReadPart(version.readId, part), raw, KEEP_SECONDS);
  await store.set(cacheKeys.directoryFullRead(version.readId), encoded.head, KEEP_SECONDS);
  const storedMs = performance.now() - storing;
  const preparing = prepareForSearch(index);
  if (!servedBeforePrepared) await preparing;
  log.info('directory.stored', { members: index.members.length, departments: index.departments.length, readMs, storeMs: Math.round(storedMs) });
  await store.set(cacheKeys.directoryVersion(), JSON.stringify(version), KEEP_SECONDS);
  local = { version, index };
  // An instance still fetching the old copy finds it gone and reads the version again.
  if (previous && previous.readId !== version.readId) await dropFullRead(previous);
  return index;
}

async function dropFullRead(version: DirectoryVersion): Promise<void> {
  const store = getCacheStore();
  const headRaw = await store.get(cacheKeys.directoryFullRead(version.readId));
  const parts = (headRaw === null ? null : decodeHead(headRaw))?.parts ?? 0;
  await store.delete(cacheKeys.directoryFullRead(version.readId));
  for (let part = 0; part < parts; part += 1) await store.delete(cacheKeys.directoryFullReadPart(version.readId, part));
  for (let sequence = 1; sequence <= version.changes; sequence += 1) await store.delete(cacheKeys.directoryChange(version.readId, sequence));
}

async function logChanges(current: Current, changes: IndexChange[]): Promise<void> {
  const index = applyChanges(current.index, changes);
  if (current.version.changes >= MAX_LOGGED_CHANGES) {
    await storeFullRead(index);
    return;
  }
  const store = getCacheStore();
  const version = { ...current.version, changes: current.version.changes + 1 };
  await store.set(cacheKeys.directoryChange(version.readId, version.changes), encodeChanges(changes), KEEP_SECONDS);
  await prepareForSearch(index);
  await store.set(cacheKeys.directoryVersion(), JSON.stringify(version), KEEP_SECONDS);
  keepLocally({ version, index });
}

export async function getDirectoryIndex(): Promise<DirectoryIndex> {
  const ttlSeconds = getConfig().dataCacheSeconds;
  // No data cache configured: every view reads WeCom, as for profiles.
  if (ttlSeconds === 0) return buildDirectoryIndex(getWeComClient());
  const current = await readCurrent();
  if (!current) return buildCold();
  const spacingSeconds = Math.max(ttlSeconds, minSecondsBetweenFullReads(current.index.departments.length));
  if (Date.now() - current.version.builtAt > spacingSeconds * 1000) refreshInBackground();
  return current.index;
}

/**
 * No index anywhere: requests of this process share one full read, and another instance's
 * counts too. The waiting admin gets the index as soon as WeCom has been read; writing it
 * for the other instances (a fifth of a second at 100,000 members) goes on under the lock,
 * which they wait for.
 */
function buildCold(): Promise<DirectoryIndex> {
  coldBuild ??= new Promise<DirectoryIndex>((resolve, reject) => {
    underDirectoryLock(async () => {
      const stored = await readCurrent();
      if (stored) return resolve(stored.index);
      const index = await buildDirectoryIndex(getWeComClient());
      resolve(index);
      await storeFullRead(index, { servedBeforePrepared: true }).catch((error: unknown) => {
        // The next request reads WeCom again; this one was served.
        log.warn('directory.store_failed', { kind: 'exception', message: error instanceof Error ? error.message : String(error) });
      });
    })
      .catch(reject)
      .finally(() => {
        coldBuild = null;
      });
  });
  return coldBuild;
}

function refreshInBackground(): void {
  backgroundRefresh ??= (async () => {
    const lock = await tryLock(getCacheStore(), cacheKeys.directoryRebuildLock(), LOCK_SECONDS);
    // Another instance is already reading WeCom, or patching; its result reaches everyone through the store.
    if (!lock) return;
    try {
      // Events wait for this lock, so their changes land on the new full read, not before it.
      await storeFullRead(await buildDirectoryIndex(getWeComClient()));
      log.info('directory.refreshed', { trigger: 'expiry' });
    } finally {
      await lock.release();
    }
  })()
    .catch((error: unknown) => {
      // The stale index keeps being served; the next request after expiry tries again.
      log.warn('directory.refresh_failed', { kind: isWeComError(error) ? error.kind : 'exception', errcode: isWeComError(error) ? error.errcode : null });
    })
    .finally(() => {
      backgroundRefresh = null;
    });
}

/**
 * A full read now (the admins' "Refresh", or a cold start). The stored index is replaced
 * only when the read succeeds: a failing WeCom leaves the working directory in place.
 */
export async function rebuildNow(): Promise<DirectoryIndex> {
  return underDirectoryLock(async () => {
    const index = await buildDirectoryIndex(getWeComClient());
    if (getConfig().dataCacheSeconds > 0) await storeFullRead(index);
    return index;
  });
}

/**
 * Logs a change WeCom announced, after any full read in progress (which may have read the
 * old data) has finished. Without a stored index there is nothing to patch: the next read
 * builds it from WeCom as it is now.
 */
async function patchIndex(changesOf: () => Promise<IndexChange[]>): Promise<void> {
  await underDirectoryLock(async () => {
    const current = await readCurrent();
    if (current) await logChanges(current, await changesOf());
  });
}

/** Re-reads one member from WeCom into the index: changed, added, or gone. */
export function refreshDirectoryMember(userid: string, renamedTo?: string): Promise<void> {
  return patchIndex(async () => {
    const current = renamedTo ?? userid;
    const renamed: IndexChange[] = renamedTo && renamedTo !== userid ? [{ kind: 'member', userid, member: null }] : [];
    try {
      return [...renamed, { kind: 'member', userid: current, member: directoryMemberOf(await getWeComClient().getUser(current)) }];
    } catch (error) {
      if (isWeComError(error) && (error.kind === 'not_found' || error.kind === 'not_visible')) return [...renamed, { kind: 'member', userid: current, member: null }];
      throw error;
    }
  });
}

export function removeDirectoryMember(userid: string): Promise<void> {
  return patchIndex(async () => [{ kind: 'member', userid, member: null }]);
}

/** Re-reads the department list (one call) into the index: renamed, moved, added, removed. */
export function refreshDirectoryDepartments(): Promise<void> {
  return patchIndex(async () => [{ kind: 'departments', departments: await getWeComClient().listDepartments() }]);
}

async function underDirectoryLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = await waitForLock(getCacheStore(), cacheKeys.directoryRebuildLock(), LOCK_SECONDS, { timeoutMs: 30_000, pollMs: 50 });
  // A lock not had within 30 s belongs to a holder that is stuck or gone: do the work anyway.
  try {
    return await work();
  } finally {
    await lock?.release();
  }
}
