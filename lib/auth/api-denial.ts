import { NextResponse } from 'next/server';
import type { InactiveReason } from './member-standing';
import type { AcceptedCarriers } from './session-credential';
import type { SessionVerdict } from './verify-session';

/**
 * The JSON an API answers when the caller may not use it. Shared by the proxy (no session
 * at all) and the session door (revoked, inactive, not an admin), so a client sees the same
 * body and the same `WWW-Authenticate` challenge whichever of them refused.
 */
const noStore = { 'cache-control': 'private, no-store' };

type Denial = Exclude<SessionVerdict, { ok: true }>;

export function apiDenial(verdict: { problem: Denial['problem']; reason?: InactiveReason }, accept: AcceptedCarriers): NextResponse {
  const challenge: Record<string, string> = accept === 'cookie-or-bearer' ? { 'www-authenticate': 'Bearer' } : {};
  switch (verdict.problem) {
    case 'inactive':
      return NextResponse.json(
        { error: 'member_inactive', reason: verdict.reason, message: "This member is no longer active in the company, or no longer in this app's visible range." },
        { status: 403, headers: noStore },
      );
    case 'revoked':
      return NextResponse.json({ error: 'session_revoked', message: 'This session was signed out. Sign in again.' }, { status: 401, headers: { ...noStore, ...challenge } });
    default:
      return NextResponse.json(
        {
          error: 'unauthenticated',
          message:
            accept === 'cookie-or-bearer'
              ? 'Sign in first: send the session cookie or `Authorization: Bearer <token>` from /api/wecom/miniprogram/login.'
              : 'Sign in first: this API needs a session.',
        },
        { status: 401, headers: { ...noStore, ...challenge } },
      );
  }
}

export function notAdminResponse(): NextResponse {
  return NextResponse.json({ error: 'forbidden', message: "This API is for the app's admins." }, { status: 403, headers: noStore });
}
