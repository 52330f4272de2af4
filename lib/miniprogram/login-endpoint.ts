import 'server-only';
import { NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { weComErrorResponse } from '@/lib/http/wecom-error-response';
import { log } from '@/lib/log';
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
    const signIn = await signInMiniProgramMember(getWeComClient(), input.code, getConfig());
    log.info('miniprogram.login_succeeded', { userid: signIn.userid });
    return NextResponse.json(signIn, { headers: noStore });
  } catch (error) {
    if (!isWeComError(error)) throw error;
    log.warn('miniprogram.login_failed', { kind: error.kind, errcode: error.errcode, api: error.api });
    return weComErrorResponse(error);
  }
}
