import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig, type AppConfig } from '@/lib/config';
import { clientRateLimitKey } from '@/lib/http/client-address';
import { consumeLimit } from '@/lib/http/rate-limit';
import { preferredLocale } from '@/lib/i18n/locale';
import { messagesFor } from '@/lib/i18n/messages';
import { log } from '@/lib/log';
import { portalMetrics } from '@/lib/metrics/registry';
import { getCacheStore } from '@/lib/cache';
import { cacheKeys } from '@/lib/cache/keys';
import { saveConsentedDetail } from '@/lib/profile/consented-detail';
import { getMember } from '@/lib/profile/directory-data';
import { getWeComClient, isWeComError, type WeComError, type WeComIdentity } from '@/lib/wecom';
import { isWeComClient } from '@/lib/wecom/oauth-urls';
import { logSetupError } from '@/lib/setup/not-set-up';
import { renderAuthPage, type AuthPage } from './auth-page';
import { cookieAttributes, loginStateCookieName, sessionCookieName } from './cookies';
import { readPendingLogins, sealPendingLogins, type PendingLogin } from './login-state';
import { memberStanding } from './member-standing';
import { safeReturnPath } from './safe-return-path';
import { noticeOfInactive, signInNoticeUrl, type SignInNotice } from './sign-in-notice';
import { newSessionId, sealSession } from './session-seal';
import { startLogin } from './start-login';

const MAX_CODE_BYTES = 512;

/**
 * WeCom's redirect back after sign-in: check the state, exchange the code on the
 * server, and either write the session or explain, on a page, why not.
 */
export async function handleWeComCallback(request: NextRequest): Promise<NextResponse> {
  const config = getConfig();
  const locale = preferredLocale(request.headers.get('accept-language'));
  const t = messagesFor(locale);
  const page = (p: Omit<AuthPage, 'locale'>) => renderAuthPage({ ...p, locale });
  const via = isWeComClient(request.headers.get('user-agent')) ? 'in_app' : 'browser';
  const outcome = (name: string) => portalMetrics().signIn(name, via);

  const params = request.nextUrl.searchParams;
  const state = params.get('state');
  const code = params.get('code');
  const stateInvalid = (reason: 'missing' | 'unknown_or_used' | 'replayed') => {
    outcome('state_invalid');
    log.warn('login.state_rejected', { reason });
    return toNotice(config, 'state-invalid');
  };

  // Read from the sealed cookie alone: no store, no WeCom. A callback that carries none of
  // this browser's pending states costs nothing more, so it does not count against the
  // client's sign-in limit; junk from one address (an office's NAT) cannot lock out a
  // colleague's real sign-in, and it never reaches the state store or WeCom.
  const stateCookie = loginStateCookieName(config.appUrl);
  const pending = await readPendingLogins(request.cookies.get(stateCookie)?.value, config.sessionSecret, config.signInStateSeconds);
  const login = state ? pending.find((p) => p.state === state) : undefined;
  if (!login) return stateInvalid(state ? 'unknown_or_used' : 'missing');

  // From here a callback can cost a write to the store and an auth/getuserinfo call: a
  // client that sends too many is answered before either.
  const limit = await consumeLimit('sign_in', clientRateLimitKey(request.headers, config));
  if (!limit.allowed) {
    outcome('rate_limited');
    const response = toNotice(config, 'rate-limited', login.returnTo);
    response.headers.set('retry-after', String(limit.retryAfterSeconds));
    return response;
  }

  // The cookie holds the pending list, so an old copy of it would hold a state again: each
  // state is also spent on the server, once, for as long as it could be valid.
  if (!(await getCacheStore().setIfAbsent(cacheKeys.spentLoginState(login.state), '1', config.signInStateSeconds))) return stateInvalid('replayed');

  // The state is spent whatever happens next.
  const remaining = pending.filter((p) => p !== login);
  const finish = async (response: NextResponse) => {
    // A restarted login has already written its own pending list.
    if (response.cookies.get(stateCookie)) return response;
    if (remaining.length > 0) {
      response.cookies.set(stateCookie, await sealPendingLogins(remaining, config.sessionSecret, config.signInStateSeconds), cookieAttributes(config.appUrl, config.signInStateSeconds));
    } else {
      response.cookies.set(stateCookie, '', cookieAttributes(config.appUrl, 0));
    }
    return response;
  };
  const returnTo = safeReturnPath(login.returnTo);

  if (code === null || code === '') {
    outcome('refused');
    log.info('login.refused');
    return finish(toNotice(config, 'refused', returnTo));
  }
  if (Buffer.byteLength(code) > MAX_CODE_BYTES || !/^[\x21-\x7e]+$/.test(code)) {
    outcome('code_malformed');
    log.warn('login.code_malformed', { bytes: Buffer.byteLength(code) });
    return finish(toNotice(config, 'bad-request', returnTo));
  }

  let identity: WeComIdentity;
  try {
    identity = await getWeComClient().exchangeCode(code);
  } catch (error) {
    if (!isWeComError(error)) throw error;
    outcome(error.kind);
    return finish(await exchangeFailed(error, request, config, { login, remaining }, returnTo));
  }

  if (identity.type === 'non_member') {
    outcome('non_member');
    log.info('login.non_member');
    // What the person can do: sign in again with their company account (the QR page in a browser).
    return finish(toNotice(config, 'non-member'));
  }

  // WeCom's login pages can still hand out a code for a member it has since disabled; the
  // profile read here is the one the first page needs anyway, so this costs no extra call.
  const standing = await memberStanding(() => getMember(identity.userid));
  if (standing.kind === 'inactive') {
    outcome('inactive');
    log.info('login.member_inactive', { userid: identity.userid, reason: standing.reason });
    return finish(toNotice(config, noticeOfInactive(standing.reason)));
  }

  if (identity.userTicket) await fetchConsentedDetail(identity.userTicket);

  outcome('succeeded');
  const sealed = await sealSession({ sid: newSessionId(), userid: identity.userid, signedInAt: Date.now(), via }, config.sessionSecret, config.sessionTtlSeconds);
  log.info('login.succeeded', { userid: identity.userid, via, linkedCorp: Boolean(identity.linkedCorpId) });
  // A deep link too long to keep through sign-in: say so, rather than land somewhere else silently.
  const response = login.shortened
    ? page({ status: 200, testId: 'link-shortened', title: t.signIn.linkShortenedTitle, body: t.signIn.linkShortenedBody, action: { label: t.signIn.linkShortenedAction, href: returnTo } })
    : new NextResponse(null, { status: 303, headers: { location: `${config.appUrl}${returnTo}`, 'cache-control': 'no-store' } });
  response.cookies.set(sessionCookieName(config.appUrl), sealed, cookieAttributes(config.appUrl, config.sessionTtlSeconds));
  return finish(response);
}

/** The user_ticket lives 1800 s, so the consented fields are fetched now and kept on the server. */
async function fetchConsentedDetail(userTicket: string) {
  try {
    await saveConsentedDetail(await getWeComClient().getUserDetail(userTicket));
  } catch (error) {
    // The profile then shows those fields as not shared; signing in still succeeds.
    log.warn('login.detail_unavailable', { errcode: isWeComError(error) ? error.errcode : null, kind: isWeComError(error) ? error.kind : 'exception' });
  }
}

async function exchangeFailed(
  error: WeComError,
  request: NextRequest,
  config: AppConfig,
  { login, remaining }: { login: PendingLogin; remaining: PendingLogin[] },
  returnTo: string,
): Promise<NextResponse> {
  // A setup error's line also carries what the operator needs: the address WeCom saw and the fix.
  if (error.kind === 'config') logSetupError('login.exchange_failed', error, { kind: error.kind });
  else log.warn('login.exchange_failed', { errcode: error.errcode, kind: error.kind, api: error.api });
  switch (error.kind) {
    case 'code_invalid':
      // Used or expired (the back button, a slow phone): one fresh attempt, then a page, never a loop.
      if (!login.retry) return startLogin(request, config, returnTo, { retry: true, pending: remaining });
      return toNotice(config, 'code-invalid', returnTo);
    case 'not_visible':
      return toNotice(config, 'not-visible');
    case 'config':
      // Not set up yet (untrusted IP, disabled app, trusted domain, Secret…): nothing the visitor can fix, nothing internal shown.
      return toNotice(config, 'not-set-up', returnTo);
    case 'rate_limited':
      return toNotice(config, 'wecom-rate-limited', returnTo);
    case 'busy':
      return toNotice(config, 'wecom-busy', returnTo);
    default:
      return toNotice(config, 'wecom-unreachable', returnTo);
  }
}

/** A sign-in that ends without a session ends on a page of its own, whose address says only why. */
function toNotice(config: AppConfig, reason: SignInNotice, next?: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location: signInNoticeUrl(config.appUrl, reason, next), 'cache-control': 'no-store' } });
}
