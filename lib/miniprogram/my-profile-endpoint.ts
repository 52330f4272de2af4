import 'server-only';
import { NextResponse } from 'next/server';
import { apiCaller } from '@/lib/auth/dal';
import { getConfig } from '@/lib/config';
import { weComErrorResponse } from '@/lib/http/wecom-error-response';
import { log } from '@/lib/log';
import { loadProfile } from '@/lib/profile/load-profile';
import type { ProfileView } from '@/lib/profile/profile-view';
import { isWeComError } from '@/lib/wecom';

const noStore = { 'cache-control': 'private, no-store' };

/** The profile as the page shows it, and how this caller is signed in. */
export type MyProfileAnswer = ProfileView & { session: { via: string; signedInAt: number; expiresAt: number } };

/**
 * `GET /api/me`, for the web page (cookie) and the mini-program (bearer token) alike.
 * Consented fields (getuserdetail) only reach the cookie session: that consent was given
 * in the browser sign-in, not to the mini-program.
 */
export async function myProfileAnswer(): Promise<NextResponse> {
  const config = getConfig();
  const caller = await apiCaller('cookie-or-bearer');
  if (!caller.ok) return caller.response;

  const { session, carrier } = caller;
  try {
    const profile = await loadProfile(session.userid, { withConsentedDetail: carrier === 'cookie' });
    const answer: MyProfileAnswer = {
      ...profile,
      session: { via: session.via, signedInAt: session.signedInAt, expiresAt: session.signedInAt + config.sessionTtlSeconds * 1000 },
    };
    return NextResponse.json(answer, { headers: noStore });
  } catch (error) {
    if (!isWeComError(error)) throw error;
    log.warn('me.profile_failed', { kind: error.kind, errcode: error.errcode, api: error.api });
    return weComErrorResponse(error);
  }
}
