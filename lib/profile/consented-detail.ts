import 'server-only';
import { getCacheStore } from '@/lib/cache';
import { appCacheKey } from '@/lib/cache/app-keys';
import { getConfig } from '@/lib/config';
import type { WeComUserDetail } from '@/lib/wecom';

/**
 * The fields a member consented to share (getuserdetail), kept on the server for the
 * session's lifetime: never in a cookie or anything else a browser can read.
 */
const keyFor = (userid: string) => appCacheKey('consented_detail', userid);

export async function saveConsentedDetail(detail: WeComUserDetail): Promise<void> {
  await getCacheStore().set(keyFor(detail.userid), JSON.stringify(detail), getConfig().sessionTtlSeconds);
}

export async function readConsentedDetail(userid: string): Promise<WeComUserDetail | null> {
  const stored = await getCacheStore().get(keyFor(userid));
  return stored ? (JSON.parse(stored) as WeComUserDetail) : null;
}
