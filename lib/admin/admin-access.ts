import 'server-only';
import { forbidden } from 'next/navigation';
import { NextResponse } from 'next/server';
import { cache } from 'react';
import { getSession, requireUser } from '@/lib/auth/session';
import type { SessionData } from '@/lib/auth/session-seal';
import { getCacheStore } from '@/lib/cache';
import { appCacheKey } from '@/lib/cache/app-keys';
import { cachedJson } from '@/lib/cache/cached';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { getMember } from '@/lib/profile/directory-data';
import { getWeComClient, isWeComError } from '@/lib/wecom';

/**
 * Who may use the admin area: userids in ADMIN_USERIDS, and members of the WeCom tag
 * WECOM_ADMIN_TAG_ID (directly, or through a department the tag includes). Checked on the
 * server next to the data, in every admin page and route handler.
 */
export const isAdmin = cache(async (userid: string): Promise<boolean> => {
  const config = getConfig();
  if (config.adminUserIds.includes(userid)) return true;
  if (config.adminTagId === undefined) return false;
  try {
    const tag = await cachedJson(getCacheStore(), appCacheKey('data', 'tag', config.adminTagId), config.dataCacheSeconds, () =>
      getWeComClient().getTag(config.adminTagId!),
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

/** For admin pages: the session of an admin, or the 403 page (app/forbidden.tsx). */
export async function requireAdmin(): Promise<SessionData> {
  const session = await requireUser();
  if (!(await isAdmin(session.userid))) forbidden();
  return session;
}

/** For admin route handlers: null when the caller is an admin, else the JSON answer to send. */
export async function adminApiDenial(): Promise<NextResponse | null> {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'unauthenticated', message: 'Sign in first.' }, { status: 401 });
  if (!(await isAdmin(session.userid))) {
    return NextResponse.json({ error: 'forbidden', message: "This API is for the app's admins." }, { status: 403 });
  }
  return null;
}
