import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getConfig } from '@/lib/config';
import { SESSION_COOKIE } from './cookies';
import { unsealSession, type SessionData } from './session-seal';

/** The signed-in member of this request, checked once per request. */
export const getSession = cache(async (): Promise<SessionData | null> => {
  const config = getConfig();
  const cookieStore = await cookies();
  return unsealSession(cookieStore.get(SESSION_COOKIE)?.value, config.sessionSecret, config.sessionTtlSeconds);
});

/** For pages: the session, or back through sign-in (the proxy starts it for a page without one). */
export async function requireUser(): Promise<SessionData> {
  const session = await getSession();
  if (!session) redirect('/');
  return session;
}
