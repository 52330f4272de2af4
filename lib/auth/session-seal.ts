import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';

/**
 * What the session cookie holds: who, when and how. Nothing from getuserdetail:
 * the cookie stays small and carries no personal data beyond the userid.
 */
const sessionSchema = z.object({
  userid: z.string().min(1),
  signedInAt: z.number(),
  via: z.enum(['in_app', 'browser', 'miniprogram']),
});
export type SessionData = z.infer<typeof sessionSchema>;

export function sealSession(data: SessionData, password: string, ttlSeconds: number): Promise<string> {
  return sealData(data, { password, ttl: ttlSeconds });
}

/** The session in a cookie or bearer token, or null when absent, tampered with or expired. */
export async function unsealSession(
  sealed: string | undefined | null,
  password: string,
  ttlSeconds: number,
): Promise<SessionData | null> {
  if (!sealed || sealed.length > 4096) return null;
  try {
    const data = await unsealData<unknown>(sealed, { password, ttl: ttlSeconds });
    const parsed = sessionSchema.safeParse(data);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
