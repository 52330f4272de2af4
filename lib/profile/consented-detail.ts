import 'server-only';
import { getCacheStore } from '@/lib/cache';
import { cacheKeys } from '@/lib/cache/keys';
import { getConfig } from '@/lib/config';
import type { WeComUserDetail } from '@/lib/wecom';

/**
 * The fields a member consented to share (getuserdetail), kept on the server for the
 * session's lifetime: never in a cookie or anything else a browser can read. Signing out
 * deletes them.
 */
export async function saveConsentedDetail(detail: WeComUserDetail): Promise<void> {
  await getCacheStore().set(cacheKeys.consentedDetail(detail.userid), JSON.stringify(detail), getConfig().sessionTtlSeconds);
}

export async function readConsentedDetail(userid: string): Promise<WeComUserDetail | null> {
  const stored = await getCacheStore().get(cacheKeys.consentedDetail(userid));
  return stored ? (JSON.parse(stored) as WeComUserDetail) : null;
}

export async function deleteConsentedDetail(userid: string): Promise<void> {
  await getCacheStore().delete(cacheKeys.consentedDetail(userid));
}
