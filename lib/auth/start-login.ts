import { NextResponse, type NextRequest } from 'next/server';
import type { AppConfig } from '@/lib/config';
import { preferredLocale } from '@/lib/i18n/locale';
import { buildAuthorizeUrl, buildBrowserLoginUrl, isWeComClient } from '@/lib/wecom/oauth-urls';
import { cookieAttributes, loginStateCookieName } from './cookies';
import { newState, readPendingLogins, sealPendingLogins, storableReturnPath, type PendingLogin } from './login-state';

export const CALLBACK_PATH = '/api/wecom/callback';

/**
 * Sends the visitor to WeCom to sign in: the in-app authorize URL inside the WeCom
 * client, the browser (QR) login page anywhere else. The `state` and the path to come
 * back to are kept in a sealed cookie that only the callback reads.
 */
export async function startLogin(
  request: NextRequest,
  config: AppConfig,
  returnTo: string,
  options: { retry?: boolean; pending?: PendingLogin[] } = {},
): Promise<NextResponse> {
  const state = newState();
  const pending = options.pending
    ? [...options.pending]
    : await readPendingLogins(request.cookies.get(loginStateCookieName(config.appUrl))?.value, config.sessionSecret, config.signInStateSeconds);
  const kept = storableReturnPath(returnTo);
  pending.push({ state, returnTo: kept.returnTo, issuedAt: Date.now(), ...(options.retry ? { retry: true } : {}), ...(kept.shortened ? { shortened: true } : {}) });

  const redirectUri = `${config.appUrl}${CALLBACK_PATH}`;
  const target = isWeComClient(request.headers.get('user-agent'))
    ? buildAuthorizeUrl({ oauthUrl: config.oauthUrl, corpId: config.corpId, agentId: config.agentId, redirectUri, scope: config.scope, state })
    : buildBrowserLoginUrl({
        ssoUrl: config.ssoUrl,
        corpId: config.corpId,
        agentId: config.agentId,
        redirectUri,
        state,
        lang: preferredLocale(request.headers.get('accept-language')),
      });

  const response = new NextResponse(null, { status: 302, headers: { location: target, 'cache-control': 'no-store' } });
  response.cookies.set(
    loginStateCookieName(config.appUrl),
    await sealPendingLogins(pending, config.sessionSecret, config.signInStateSeconds),
    cookieAttributes(config.appUrl, config.signInStateSeconds),
  );
  return response;
}
