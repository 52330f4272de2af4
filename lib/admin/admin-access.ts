import 'server-only';
import { cache } from 'react';
import { getCacheStore } from '@/lib/cache';
import { cachedJson } from '@/lib/cache/cached';
import { cacheKeys } from '@/lib/cache/keys';
import { getConfig } from '@/lib/config';
import { portalMetrics } from '@/lib/metrics/registry';
import { log } from '@/lib/log';
import { getMember } from '@/lib/profile/directory-data';
import { getWeComClient, isWeComError } from '@/lib/wecom';
import { isAdminByRule } from './admin-rule';

/**
 * Who may use the admin area: userids in ADMIN_USERIDS, and members of the WeCom tag
 * WECOM_ADMIN_TAG_ID (directly, or through a department the tag includes). Only ever asked
 * about a caller the session door (lib/auth/dal.ts) has already found active in WeCom, so a
 * deleted or disabled member listed in ADMIN_USERIDS has no rights.
 *
 * When WeCom cannot be asked this throws the WeComError: the admin pages and APIs then say
 * "WeCom unavailable" (and still grant nothing), not "you are not an admin".
 */
export const checkAdmin = cache(async (userid: string): Promise<boolean> => {
  const config = getConfig();
  const tagId = config.adminTagId;
  return isAdminByRule(userid, {
    adminUserIds: config.adminUserIds,
    tag:
      tagId === undefined
        ? null
        : () =>
            cachedJson(getCacheStore(), cacheKeys.tag(tagId), config.dataCacheSeconds, () => getWeComClient().getTag(tagId), {
              cache: 'admin_tag',
              observer: portalMetrics().cache,
            }),
    departmentsOf: async (id) => (await getMember(id)).department ?? [],
  });
});

/** For what only decorates a page (the directory link, the operator hint): fails closed. */
export const isAdmin = cache(async (userid: string): Promise<boolean> => {
  try {
    return await checkAdmin(userid);
  } catch (error) {
    // Nobody becomes an admin because WeCom could not be asked.
    log.error('admin.tag_check_failed', { tagId: getConfig().adminTagId, errcode: isWeComError(error) ? error.errcode : null, kind: isWeComError(error) ? error.kind : 'exception' });
    return false;
  }
});
