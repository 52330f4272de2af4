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

/**
 * Who may use the admin area: userids in ADMIN_USERIDS, and members of the WeCom tag
 * WECOM_ADMIN_TAG_ID (directly, or through a department the tag includes). Only ever asked
 * about a caller the session door (lib/auth/dal.ts) has already found active in WeCom, so a
 * deleted or disabled member listed in ADMIN_USERIDS has no rights.
 */
export const isAdmin = cache(async (userid: string): Promise<boolean> => {
  const config = getConfig();
  if (config.adminUserIds.includes(userid)) return true;
  if (config.adminTagId === undefined) return false;
  try {
    const tag = await cachedJson(
      getCacheStore(),
      cacheKeys.tag(config.adminTagId),
      config.dataCacheSeconds,
      () => getWeComClient().getTag(config.adminTagId!),
      { cache: 'admin_tag', observer: portalMetrics().cache },
    );
    if (tag.userlist.some((u) => u.userid === userid)) return true;
    if (tag.partylist.length === 0) return false;
    const member = await getMember(userid);
    return (member.department ?? []).some((d) => tag.partylist.includes(d));
  } catch (error) {
    // Fail closed: nobody becomes an admin because WeCom could not be asked.
    log.error('admin.tag_check_failed', { tagId: config.adminTagId, errcode: isWeComError(error) ? error.errcode : null, kind: isWeComError(error) ? error.kind : 'exception' });
    return false;
  }
});
