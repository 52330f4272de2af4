import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { deleteConsentedDetail } from '@/lib/profile/consented-detail';
import { cookieAttributes, sessionCookieName } from './cookies';
import { sessionRevocations } from './dal';
import { isSameOriginRequest } from './same-origin';
import { credentialOf, unsealCredential } from './session-credential';

/**
 * Sign-out is a POST from this site only: a link or a form on another site must not be
 * able to sign a member out. It ends the session on the server too (a copy of the cookie
 * stops working everywhere) and deletes what the member consented to share. With
 * `scope=everywhere` it ends every session of the member: other browsers, the WeCom
 * client and the mini-program. Afterwards the signed-out page, which does not sign in again.
 */
export async function handleSignOut(request: NextRequest): Promise<NextResponse> {
  const config = getConfig();
  if (!isSameOriginRequest(request, config.appUrl)) {
    log.warn('signout.cross_origin_rejected', { origin: request.headers.get('origin') });
    return NextResponse.json({ error: 'forbidden', message: 'Sign-out must come from this site.' }, { status: 403 });
  }
  const everywhere = (await formField(request, 'scope')) === 'everywhere';
  const cookieName = sessionCookieName(config.appUrl);
  // Revoked or not, an intact seal names the session to end; nothing else here is trusted.
  const session = await unsealCredential(credentialOf('cookie', request.cookies.get(cookieName)?.value, null), config);
  if (session) {
    const revocations = sessionRevocations();
    await (everywhere ? revocations.revokeMemberSessions(session.userid) : revocations.revokeSession(session));
    await deleteConsentedDetail(session.userid);
    log.info('signout.succeeded', { userid: session.userid, everywhere });
  }
  const signedOut = `${config.appUrl}/signed-out${everywhere ? '?everywhere=1' : ''}`;
  const response = new NextResponse(null, { status: 303, headers: { location: signedOut, 'cache-control': 'no-store' } });
  response.cookies.set(cookieName, '', cookieAttributes(config.appUrl, 0));
  return response;
}

async function formField(request: NextRequest, name: string): Promise<string | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  try {
    const value = (await request.formData()).get(name);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
