import 'server-only';
import { NextResponse } from 'next/server';
import { memberStanding } from '@/lib/auth/member-standing';
import { getConfig } from '@/lib/config';
import { clientRateLimitKey } from '@/lib/http/client-address';
import { consumeLimit, tooManyRequestsJson } from '@/lib/http/rate-limit';
import { log } from '@/lib/log';
import { portalMetrics } from '@/lib/metrics/registry';
import { getMember } from '@/lib/profile/directory-data';
import { getWeComClient, isWeComError } from '@/lib/wecom';
import { readLoginRequest } from './login-request';
import { signInMiniProgramMember } from './sign-in';

/**
 * `POST /api/wecom/miniprogram/login`: a `wx.qy.login` code in, a bearer token out. A WeCom
 * failure is counted here and answered by the route edge.
 */
export async function miniProgramLogin(request: Request): Promise<NextResponse> {
  const outcome = (name: string) => portalMetrics().signIn(name, 'miniprogram');
  const config = getConfig();
  const limit = await consumeLimit('sign_in', clientRateLimitKey(request.headers, config));
  if (!limit.allowed) {
    outcome('rate_limited');
    return tooManyRequestsJson(limit, 'Too many sign-ins from this address; try again after Retry-After seconds.');
  }
  const input = await readLoginRequest(request);
  if (!input.ok) {
    outcome('bad_request');
    log.warn('miniprogram.login_rejected', { reason: input.error });
    return NextResponse.json({ error: input.error, message: input.message }, { status: input.status });
  }

  try {
    const result = await signInMiniProgramMember(getWeComClient(), input.code, config, (userid) => memberStanding(() => getMember(userid)));
    if (!result.ok) {
      outcome('inactive');
      log.info('miniprogram.member_inactive', { reason: result.inactive });
      return NextResponse.json(
        { error: 'member_inactive', reason: result.inactive, message: "This member is no longer active in the company, or no longer in this app's visible range." },
        { status: 403 },
      );
    }
    outcome('succeeded');
    log.info('miniprogram.login_succeeded', { userid: result.signIn.userid });
    return NextResponse.json(result.signIn);
  } catch (error) {
    if (isWeComError(error)) outcome(error.kind);
    throw error;
  }
}
