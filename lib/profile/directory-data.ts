import 'server-only';
import { getCacheStore } from '@/lib/cache';
import { appCacheKey } from '@/lib/cache/app-keys';
import { cachedJson } from '@/lib/cache/cached';
import { getConfig } from '@/lib/config';
import { getWeComClient, type WeComDepartment, type WeComUser } from '@/lib/wecom';

/** WeCom data as pages read it: through a short server-side cache (DATA_CACHE_SECONDS). */
const cacheKey = (kind: string, id = '') => appCacheKey('data', kind, id);

export function getMember(userid: string): Promise<WeComUser> {
  return cachedJson(getCacheStore(), cacheKey('user', userid), getConfig().dataCacheSeconds, () => getWeComClient().getUser(userid));
}

export function getDepartments(): Promise<WeComDepartment[]> {
  return cachedJson(getCacheStore(), cacheKey('departments'), getConfig().dataCacheSeconds, () => getWeComClient().listDepartments());
}
