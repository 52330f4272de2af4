import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { seal, unseal } from './iron-seal';

/**
 * What the session cookie (and the mini-program's bearer token) holds: which session, who,
 * when and how. Nothing from getuserdetail: the cookie stays small and carries no personal
 * data beyond the userid. The id is what sign-out revokes (lib/auth/revocations.ts).
 */
const sessionSchema = z.object({
  sid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  userid: z.string().min(1),
  signedInAt: z.number(),
  via: z.enum(['in_app', 'browser', 'miniprogram']),
});
export type SessionData = z.infer<typeof sessionSchema>;

/** 128 random bits, URL-safe: a key in the revocation store, never a secret on its own. */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

export async function sealSession(data: SessionData, password: string, ttlSeconds: number): Promise<string> {
  return seal(data, password, ttlSeconds);
}

/** When a session stops counting, in ms since the epoch. */
export function sessionExpiresAt(session: SessionData, ttlSeconds: number): number {
  return session.signedInAt + ttlSeconds * 1000;
}

/**
 * The session in a cookie or bearer token, or null when absent, tampered with or expired.
 * Iron accepts a seal up to a minute past its ttl (clock skew); a session ends exactly at
 * `signedInAt + ttl`, whatever carries it.
 */
export async function unsealSession(
  sealed: string | undefined | null,
  password: string,
  ttlSeconds: number,
  now: number = Date.now(),
): Promise<SessionData | null> {
  if (!sealed || sealed.length > 4096) return null;
  const parsed = sessionSchema.safeParse(unseal(sealed, password, now));
  if (!parsed.success) return null;
  return now < sessionExpiresAt(parsed.data, ttlSeconds) ? parsed.data : null;
}
