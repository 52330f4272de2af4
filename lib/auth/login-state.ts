import { randomInt } from 'node:crypto';
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import { LOGIN_STATE_TTL_SECONDS } from './cookies';

/**
 * Pending sign-ins, sealed in one short-lived cookie: each `state` sent to WeCom with the
 * path the visitor asked for. Several are kept so that two tabs signing in at once both
 * succeed; each is removed when its callback arrives, so a state works once.
 */
const pendingSchema = z.object({
  state: z.string(),
  returnTo: z.string(),
  issuedAt: z.number(),
  /** Set on the automatic second attempt after WeCom said the code was used or expired. */
  retry: z.boolean().optional(),
});
export type PendingLogin = z.infer<typeof pendingSchema>;
const pendingListSchema = z.array(pendingSchema);

const MAX_PENDING = 4;
const STATE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 characters of [A-Za-z0-9], the only characters WeCom accepts in `state`. */
export function newState(): string {
  let state = '';
  for (let i = 0; i < 32; i++) state += STATE_ALPHABET[randomInt(STATE_ALPHABET.length)];
  return state;
}

export async function readPendingLogins(sealed: string | undefined, password: string): Promise<PendingLogin[]> {
  if (!sealed || sealed.length > 4096) return [];
  try {
    const parsed = pendingListSchema.safeParse(await unsealData<unknown>(sealed, { password, ttl: LOGIN_STATE_TTL_SECONDS }));
    if (!parsed.success) return [];
    const oldest = Date.now() - LOGIN_STATE_TTL_SECONDS * 1000;
    return parsed.data.filter((p) => p.issuedAt > oldest);
  } catch {
    return [];
  }
}

export function sealPendingLogins(pending: PendingLogin[], password: string): Promise<string> {
  return sealData(pending.slice(-MAX_PENDING), { password, ttl: LOGIN_STATE_TTL_SECONDS });
}
