import { timingSafeEqual } from 'node:crypto';
import { decrypt, getSignature } from '@wecom/crypto';

/**
 * WeCom's callback crypto, through WeCom's own package: the signature over token,
 * timestamp, nonce and ciphertext, and AES-256-CBC with PKCS#7 padding to 32 bytes (which
 * Node's automatic padding, limited to 16, would reject). What the package does not
 * check, this does: the ciphertext's shape, and that the receive-id inside is our corp.
 */
export interface SignedQuery {
  msgSignature: string;
  timestamp: string;
  nonce: string;
}

export function hasValidSignature(token: string, query: SignedQuery, ciphertext: string): boolean {
  const expected = Buffer.from(getSignature(token, query.timestamp, query.nonce, ciphertext), 'utf8');
  const given = Buffer.from(query.msgSignature.toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * How far a callback's signed `timestamp` may be from this server's clock, either way. WeCom
 * signs each request as it sends it (a retry is encrypted and signed again), so a genuine one
 * is seconds old; a captured request replayed later (after its dedupe key has expired) is not.
 * Five minutes leaves room for clock drift; more than that means this server's clock needs NTP.
 */
export const CALLBACK_TIMESTAMP_WINDOW_SECONDS = 300;

/** Seconds between the signed timestamp and now (positive: from the past). */
export function timestampSkewSeconds(query: Pick<SignedQuery, 'timestamp'>, nowMs: number): number {
  return Math.round(nowMs / 1000 - Number(query.timestamp));
}

export function isWithinTimestampWindow(query: Pick<SignedQuery, 'timestamp'>, nowMs: number): boolean {
  return Math.abs(timestampSkewSeconds(query, nowMs)) <= CALLBACK_TIMESTAMP_WINDOW_SECONDS;
}

export type Opened = { ok: true; message: string } | { ok: false; problem: 'ciphertext' | 'receiver' };

/** Base64 of whole 32-byte blocks: what WeCom's padding always produces. */
const CIPHERTEXT = /^[A-Za-z0-9+/]+={0,2}$/;

export function openCiphertext(aesKey: string, ciphertext: string, corpId: string): Opened {
  if (!CIPHERTEXT.test(ciphertext) || Buffer.from(ciphertext, 'base64').length % 32 !== 0) return { ok: false, problem: 'ciphertext' };
  let opened: { message: string; id: string };
  try {
    opened = decrypt(aesKey, ciphertext);
  } catch {
    return { ok: false, problem: 'ciphertext' };
  }
  // A wrong key or a damaged message decrypts to noise, whose tail is not our corp id.
  if (opened.id !== corpId) return { ok: false, problem: 'receiver' };
  return { ok: true, message: opened.message };
}
