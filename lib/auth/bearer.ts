import type { NextRequest } from 'next/server';
import { SESSION_COOKIE } from './cookies';
import { unsealSession, type SessionData } from './session-seal';

/**
 * The mini-program's credential: `Authorization: Bearer <sealed session>`. It is sealed
 * like the cookie, but only a session that was issued to the mini-program counts, so a
 * browser cookie's value copied into a header is not a second way in.
 */
export type BearerHeader = { kind: 'absent' } | { kind: 'malformed' } | { kind: 'token'; token: string };

/** Same bound as the cookie: a sealed session is far smaller, anything longer is not one. */
const MAX_TOKEN_LENGTH = 4096;

export function readBearerHeader(authorization: string | null | undefined): BearerHeader {
  if (authorization === null || authorization === undefined || authorization.trim() === '') return { kind: 'absent' };
  const match = /^Bearer +([\x21-\x7e]+)$/i.exec(authorization.trim());
  if (!match || match[1].length > MAX_TOKEN_LENGTH) return { kind: 'malformed' };
  return { kind: 'token', token: match[1] };
}

export async function sessionFromBearer(
  authorization: string | null | undefined,
  password: string,
  ttlSeconds: number,
): Promise<SessionData | null> {
  const header = readBearerHeader(authorization);
  if (header.kind !== 'token') return null;
  const session = await unsealSession(header.token, password, ttlSeconds);
  if (session?.via !== 'miniprogram') return null;
  // Iron allows a minute of clock skew past the seal's expiry; the token ends when its `expiresAt` said.
  return Date.now() < session.signedInAt + ttlSeconds * 1000 ? session : null;
}

export interface ApiSession {
  session: SessionData;
  carrier: 'cookie' | 'bearer';
}

/**
 * Who is calling an API that both the web app and the mini-program use. A request that
 * presents a bearer token is judged by it alone: a bad token is refused even when a
 * cookie rides along, so a client never silently acts as someone else.
 */
export async function apiSessionOf(
  request: NextRequest,
  config: { sessionSecret: string; sessionTtlSeconds: number },
): Promise<ApiSession | null> {
  const authorization = request.headers.get('authorization');
  if (readBearerHeader(authorization).kind !== 'absent') {
    const session = await sessionFromBearer(authorization, config.sessionSecret, config.sessionTtlSeconds);
    return session ? { session, carrier: 'bearer' } : null;
  }
  const session = await unsealSession(request.cookies.get(SESSION_COOKIE)?.value, config.sessionSecret, config.sessionTtlSeconds);
  return session ? { session, carrier: 'cookie' } : null;
}
