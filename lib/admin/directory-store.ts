import 'server-only';
import { getCacheStore } from '@/lib/cache';
import { cacheKeys } from '@/lib/cache/keys';
import { tryLock, waitForLock } from '@/lib/cache/lock';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { getWeComClient, isWeComError } from '@/lib/wecom';
import { buildDirectoryIndex, directoryMemberOf, withDepartments, withMember, type DirectoryIndex } from './directory-index';

/**
 * Where the admin directory lives: in the cache store, shared by every instance. Once warm
 * no request waits for a full read of WeCom: an index older than DATA_CACHE_SECONDS is
 * still served while one instance (holding a lock in the store) reads WeCom again in the
 * background, and WeCom's events patch only what changed. Only the very first request,
 * with no index anywhere, waits for the full read.
 */

/** How long an index is kept to be served while stale: a day without any request ends it. */
const KEEP_SECONDS = 24 * 3600;
/** A full read of a large tenant takes seconds; a holder that dies frees the lock after this. */
const LOCK_SECONDS = 120;

let parsed: { raw: string; index: DirectoryIndex } | null = null;
let backgroundRefresh: Promise<void> | null = null;
let coldBuild: Promise<DirectoryIndex> | null = null;

async function readStoredIndex(): Promise<DirectoryIndex | null> {
  const raw = await getCacheStore().get(cacheKeys.directoryIndex());
  if (raw === null) return null;
  // A 20,000-member index is megabytes of JSON: parse it once per version, not per request.
  if (parsed?.raw !== raw) parsed = { raw, index: JSON.parse(raw) as DirectoryIndex };
  return parsed.index;
}

async function storeIndex(index: DirectoryIndex): Promise<DirectoryIndex> {
  const raw = JSON.stringify(index);
  parsed = { raw, index };
  await getCacheStore().set(cacheKeys.directoryIndex(), raw, KEEP_SECONDS);
  return index;
}

export async function getDirectoryIndex(): Promise<DirectoryIndex> {
  const ttlSeconds = getConfig().dataCacheSeconds;
  // No data cache configured: every view reads WeCom, as for profiles.
  if (ttlSeconds === 0) return buildDirectoryIndex(getWeComClient());
  const stored = await readStoredIndex();
  if (!stored) return buildCold();
  if (Date.now() - stored.builtAt > ttlSeconds * 1000) refreshInBackground();
  return stored;
}

/** No index anywhere: requests of this process share one full read, and another instance's counts too. */
function buildCold(): Promise<DirectoryIndex> {
  coldBuild ??= underDirectoryLock(async () => (await readStoredIndex()) ?? storeIndex(await buildDirectoryIndex(getWeComClient()))).finally(() => {
    coldBuild = null;
  });
  return coldBuild;
}

function refreshInBackground(): void {
  backgroundRefresh ??= (async () => {
    const lock = await tryLock(getCacheStore(), cacheKeys.directoryRebuildLock(), LOCK_SECONDS);
    // Another instance is already reading WeCom; its result reaches everyone through the store.
    if (!lock) return;
    try {
      await storeIndex(await buildDirectoryIndex(getWeComClient()));
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
    if (getConfig().dataCacheSeconds > 0) await storeIndex(index);
    return index;
  });
}

/**
 * Applies a change WeCom announced to the stored index, after any full read in progress
 * (which may have read the old data) has finished. Without a stored index there is
 * nothing to patch: the next read builds it from WeCom as it is now.
 */
async function patchIndex(patch: (index: DirectoryIndex) => Promise<DirectoryIndex>): Promise<void> {
  await underDirectoryLock(async () => {
    const stored = await readStoredIndex();
    if (stored) await storeIndex(await patch(stored));
  });
}

/** Re-reads one member from WeCom into the index: changed, added, or gone. */
export function refreshDirectoryMember(userid: string, renamedTo?: string): Promise<void> {
  return patchIndex(async (index) => {
    const current = renamedTo ?? userid;
    try {
      const user = await getWeComClient().getUser(current);
      return withMember(withMember(index, userid, null), current, directoryMemberOf(user));
    } catch (error) {
      if (isWeComError(error) && (error.kind === 'not_found' || error.kind === 'not_visible')) {
        return withMember(withMember(index, userid, null), current, null);
      }
      throw error;
    }
  });
}

export function removeDirectoryMember(userid: string): Promise<void> {
  return patchIndex(async (index) => withMember(index, userid, null));
}

/** Re-reads the department list (one call) into the index: renamed, moved, added, removed. */
export function refreshDirectoryDepartments(): Promise<void> {
  return patchIndex(async (index) => withDepartments(index, await getWeComClient().listDepartments()));
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
