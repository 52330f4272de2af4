import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { seal, unseal } from './iron-seal';

/**
 * Pending sign-ins, sealed in one short-lived cookie: each `state` sent to WeCom with the
 * path the visitor asked for. Several are kept so that two tabs signing in at once both
 * succeed; each is removed when its callback arrives, so a state works once. Each stays open
 * for `SIGN_IN_STATE_SECONDS` (lib/config.ts), the time a visitor has on WeCom's page.
 */
const pendingSchema = z.object({
  state: z.string(),
  returnTo: z.string(),
  issuedAt: z.number(),
  /** Set on the automatic second attempt after WeCom said the code was used or expired. */
  retry: z.boolean().optional(),
  /** The link asked for was too long to keep: `returnTo` is what was kept of it. */
  shortened: z.boolean().optional(),
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

export async function readPendingLogins(sealed: string | undefined, password: string, ttlSeconds: number): Promise<PendingLogin[]> {
  if (!sealed || sealed.length > 4096) return [];
  const parsed = pendingListSchema.safeParse(unseal(sealed, password));
  if (!parsed.success) return [];
  const oldest = Date.now() - ttlSeconds * 1000;
  return parsed.data.filter((p) => p.issuedAt > oldest);
}

/**
 * Browsers drop a cookie over 4 KB (name, value and attributes), and the sign-in would then
 * end on "state invalid". Each return path is capped (storableReturnPath), and should the
 * list still seal too large, the oldest pending sign-ins give way to the newest.
 */
const MAX_SEALED_BYTES = 3500;

export async function sealPendingLogins(pending: PendingLogin[], password: string, ttlSeconds: number): Promise<string> {
  let kept = pending.slice(-MAX_PENDING);
  for (;;) {
    const sealed = seal(kept, password, ttlSeconds);
    if (sealed.length <= MAX_SEALED_BYTES || kept.length <= 1) return sealed;
    kept = kept.slice(1);
  }
}

/** Longest return path kept through sign-in; longer deep links keep their path, or go home. */
export const MAX_RETURN_PATH = 1024;

export function storableReturnPath(returnTo: string): { returnTo: string; shortened: boolean } {
  if (returnTo.length <= MAX_RETURN_PATH) return { returnTo, shortened: false };
  const path = returnTo.split(/[?#]/, 1)[0];
  return { returnTo: path.length <= MAX_RETURN_PATH ? path : '/', shortened: true };
}
