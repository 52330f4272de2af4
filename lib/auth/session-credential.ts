import { unsealSession, type SessionData } from './session-seal';

/**
 * Where a request's session comes from, and which sessions each carrier may hold: the
 * browser's cookie only holds a browser or in-app session, the mini-program's
 * `Authorization: Bearer` only a mini-program session. A value copied from one carrier into
 * the other is refused, so neither is a second way in.
 *
 * Shared by the proxy (optimistic) and the session door (lib/auth/dal.ts).
 */
export type Carrier = 'cookie' | 'bearer';
/** Which carriers an endpoint takes: pages and most APIs the cookie, `/api/me` either. */
export type AcceptedCarriers = 'cookie' | 'cookie-or-bearer';

export type SessionCredential =
  | { kind: 'absent' }
  | { kind: 'malformed'; carrier: Carrier }
  | { kind: 'sealed'; carrier: Carrier; sealed: string };

/** A sealed session is far smaller; anything longer is not one. */
const MAX_SEALED_LENGTH = 4096;

export type BearerHeader = { kind: 'absent' } | { kind: 'malformed' } | { kind: 'token'; token: string };

export function readBearerHeader(authorization: string | null | undefined): BearerHeader {
  if (authorization === null || authorization === undefined || authorization.trim() === '') return { kind: 'absent' };
  const match = /^Bearer +([\x21-\x7e]+)$/i.exec(authorization.trim());
  if (!match || match[1].length > MAX_SEALED_LENGTH) return { kind: 'malformed' };
  return { kind: 'token', token: match[1] };
}

/**
 * The credential a request presents. Where a bearer token is accepted and presented, it
 * decides alone: a bad token is refused even when a cookie rides along, so a client never
 * silently acts as someone else.
 */
export function credentialOf(
  accept: AcceptedCarriers,
  cookieValue: string | undefined,
  authorization: string | null | undefined,
): SessionCredential {
  if (accept === 'cookie-or-bearer') {
    const bearer = readBearerHeader(authorization);
    if (bearer.kind === 'malformed') return { kind: 'malformed', carrier: 'bearer' };
    if (bearer.kind === 'token') return { kind: 'sealed', carrier: 'bearer', sealed: bearer.token };
  }
  if (!cookieValue) return { kind: 'absent' };
  return { kind: 'sealed', carrier: 'cookie', sealed: cookieValue };
}

/** The session inside a credential, when it unseals, has not expired and suits its carrier. */
export async function unsealCredential(
  credential: SessionCredential,
  config: { sessionSecret: string; sessionTtlSeconds: number },
  now: number = Date.now(),
): Promise<SessionData | null> {
  if (credential.kind !== 'sealed') return null;
  const session = await unsealSession(credential.sealed, config.sessionSecret, config.sessionTtlSeconds, now);
  if (!session) return null;
  const isMiniProgram = session.via === 'miniprogram';
  return (credential.carrier === 'bearer') === isMiniProgram ? session : null;
}
