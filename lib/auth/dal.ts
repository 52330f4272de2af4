import 'server-only';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import type { NextResponse } from 'next/server';
import { cache } from 'react';
import { checkAdmin } from '@/lib/admin/admin-access';
import { getCacheStore } from '@/lib/cache';
import { cacheKeys } from '@/lib/cache/keys';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { getMember } from '@/lib/profile/directory-data';
import { apiDenial, notAdminResponse } from './api-denial';
import { memberStanding } from './member-standing';
import { REQUEST_PATH_HEADER } from './proxy-gate';
import { SessionRevocations } from './revocations';
import { sessionCookieName } from './cookies';
import { noticeOfInactive, signInNoticeUrl } from './sign-in-notice';
import { credentialOf, type AcceptedCarriers, type Carrier } from './session-credential';
import type { SessionData } from './session-seal';
import { verifyCredential, type SessionVerdict } from './verify-session';

/**
 * The one door that decides who is calling: pages, route handlers, the top bar and the
 * admin checks all ask `verifySession`, once per request. The proxy only does a cheap,
 * optimistic check in front of it.
 */

export function sessionRevocations(): SessionRevocations {
  return new SessionRevocations(getCacheStore(), cacheKeys, getConfig().sessionTtlSeconds);
}

export const verifySession = cache(async (accept: AcceptedCarriers = 'cookie'): Promise<SessionVerdict> => {
  const config = getConfig();
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const credential = credentialOf(accept, cookieStore.get(sessionCookieName(config.appUrl))?.value, headerList.get('authorization'));
  const verdict = await verifyCredential(credential, {
    sessionSecret: config.sessionSecret,
    sessionTtlSeconds: config.sessionTtlSeconds,
    revocations: sessionRevocations(),
    standing: (userid) => memberStanding(() => getMember(userid)),
  });
  if (verdict.ok && verdict.standing === 'unverified') log.warn('session.standing_unverified', { userid: verdict.session.userid });
  if (!verdict.ok && verdict.problem === 'inactive') log.info('session.member_inactive', { userid: verdict.session.userid, reason: verdict.reason });
  return verdict;
});

/**
 * For pages: the caller's session. A session that ended goes to a fresh sign-in through
 * /auth/sign-in, which clears the cookie first (never back to a page the proxy would let
 * through again); a member WeCom no longer counts gets the explanation page.
 */
export async function requireUser(): Promise<SessionData> {
  const verdict = await verifySession('cookie');
  if (verdict.ok) return verdict.session;
  if (verdict.problem === 'inactive') redirect(signInNoticeUrl('', noticeOfInactive(verdict.reason)));
  const path = (await headers()).get(REQUEST_PATH_HEADER) ?? '/';
  redirect(`/auth/sign-in?returnTo=${encodeURIComponent(path)}`);
}

/**
 * For admin pages: an active member with admin rights, or the 403 page (app/forbidden.tsx).
 * Throws the WeComError when the rights cannot be checked (the page says WeCom is unavailable).
 */
export async function requireAdmin(): Promise<SessionData> {
  const session = await requireUser();
  if (!(await checkAdmin(session.userid))) forbidden();
  return session;
}

export type ApiCaller = { ok: true; session: SessionData; carrier: Carrier } | { ok: false; response: NextResponse };

/**
 * For route handlers: the caller, or the JSON answer that says why not (401, 403). Admin
 * rights that cannot be checked throw the WeComError, which the route edge answers (503).
 */
export async function apiCaller(accept: AcceptedCarriers = 'cookie', options: { admin?: boolean } = {}): Promise<ApiCaller> {
  const verdict = await verifySession(accept);
  if (!verdict.ok) return { ok: false, response: apiDenial(verdict, accept) };
  if (options.admin && !(await checkAdmin(verdict.session.userid))) {
    return { ok: false, response: notAdminResponse() };
  }
  return { ok: true, session: verdict.session, carrier: verdict.carrier };
}
