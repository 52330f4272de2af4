import 'server-only';
import { sessionExpiresAt } from '@/lib/auth/session-seal';
import type { Caller } from '@/lib/http/route';
import { getConfig } from '@/lib/config';
import { loadProfile } from './load-profile';
import type { ProfileView } from './profile-view';

/** The profile as the page shows it, and how this caller is signed in: `GET /api/me`. */
export type MyProfile = ProfileView & { session: { via: string; signedInAt: number; expiresAt: number } };

/**
 * For the web page (cookie) and the mini-program (bearer token) alike. Consented fields
 * (getuserdetail) only reach the cookie session: that consent was given in the browser
 * sign-in, not to the mini-program.
 */
export async function myProfile({ session, carrier }: Caller): Promise<MyProfile> {
  const profile = await loadProfile(session.userid, { withConsentedDetail: carrier === 'cookie' });
  return { ...profile, session: { via: session.via, signedInAt: session.signedInAt, expiresAt: sessionExpiresAt(session, getConfig().sessionTtlSeconds) } };
}
