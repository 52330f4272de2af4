import 'server-only';
import { NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { weComErrorResponse } from '@/lib/http/wecom-error-response';
import { memberStanding } from '@/lib/auth/member-standing';
import { log } from '@/lib/log';
import { getMember } from '@/lib/profile/directory-data';
import { getWeComClient, isWeComError } from '@/lib/wecom';
import { readLoginRequest } from './login-request';
import { signInMiniProgramMember } from './sign-in';

const noStore = { 'cache-control': 'no-store' };

/** `POST /api/wecom/miniprogram/login`: a `wx.qy.login` code in, a bearer token out. */
export async function miniProgramLoginAnswer(request: Request): Promise<NextResponse> {
  const input = await readLoginRequest(request);
  if (!input.ok) {
    log.warn('miniprogram.login_rejected', { reason: input.error });
    return NextResponse.json({ error: input.error, message: input.message }, { status: input.status, headers: noStore });
  }

  try {
    const result = await signInMiniProgramMember(getWeComClient(), input.code, getConfig(), (userid) => memberStanding(() => getMember(userid)));
    if (!result.ok) {
      log.info('miniprogram.member_inactive', { reason: result.inactive });
      return NextResponse.json(
        { error: 'member_inactive', reason: result.inactive, message: "This member is no longer active in the company, or no longer in this app's visible range." },
        { status: 403, headers: noStore },
      );
    }
    log.info('miniprogram.login_succeeded', { userid: result.signIn.userid });
    return NextResponse.json(result.signIn, { headers: noStore });
  } catch (error) {
    if (!isWeComError(error)) throw error;
    log.warn('miniprogram.login_failed', { kind: error.kind, errcode: error.errcode, api: error.api });
    return weComErrorResponse(error);
  }
}
