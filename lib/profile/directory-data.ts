import 'server-only';
import { cache } from 'react';
import { getCacheStore } from '@/lib/cache';
import { cachedJson } from '@/lib/cache/cached';
import { cacheKeys } from '@/lib/cache/keys';
import { getConfig } from '@/lib/config';
import { portalMetrics } from '@/lib/metrics/registry';
import { getWeComClient, type WeComDepartment, type WeComUser } from '@/lib/wecom';

// WeCom data as pages read it: through a short server-side cache (DATA_CACHE_SECONDS) that
// WeCom's event callbacks empty as soon as something changes (lib/cache/invalidation.ts).

const observed = (cache: string) => ({ cache, observer: portalMetrics().cache });

/**
 * One member's user/get. Within one page render the session door and the page share the
 * answer (React's request cache), so even without a data cache a view asks WeCom once.
 */
export const getMember = cache((userid: string): Promise<WeComUser> =>
  cachedJson(getCacheStore(), cacheKeys.member(userid), getConfig().dataCacheSeconds, () => getWeComClient().getUser(userid), observed('member')),
);

export function getDepartments(): Promise<WeComDepartment[]> {
  return cachedJson(getCacheStore(), cacheKeys.departments(), getConfig().dataCacheSeconds, () => getWeComClient().listDepartments(), observed('departments'));
}
