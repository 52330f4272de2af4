import 'server-only';
import type { Locale } from '@/lib/i18n/locale';
import { isWeComError } from '@/lib/wecom';
import { readConsentedDetail } from './consented-detail';
import { getDepartments, getMember } from './directory-data';
import { buildProfileView, type ProfileView } from './profile-view';

/**
 * Everything the profile page shows for one member. `withConsentedDetail` only for the
 * member looking at their own page: consent was given to this app for that person.
 * `locale` picks the department names (WeCom's English ones in English, where set).
 */
export async function loadProfile(userid: string, options: { withConsentedDetail: boolean; locale?: Locale }): Promise<ProfileView> {
  const [user, departments, detail] = await Promise.all([
    getMember(userid),
    getDepartments(),
    options.withConsentedDetail ? readConsentedDetail(userid) : Promise.resolve(null),
  ]);
  const leaders = await Promise.all((user.direct_leader ?? []).map(leaderName));
  return buildProfileView(user, departments, leaders, detail, options.locale);
}

/** A leader outside the app's visible range is still named, by userid. */
async function leaderName(userid: string): Promise<{ userid: string; name: string }> {
  try {
    return { userid, name: (await getMember(userid)).name };
  } catch (error) {
    if (isWeComError(error) && (error.kind === 'not_visible' || error.kind === 'not_found')) return { userid, name: userid };
    throw error;
  }
}
