// The app's callback configuration, as an admin enters it in the console (接收消息 → API 接收):
// URL, Token, EncodingAESKey, plus which kind of contact events the callback gets. One checker
// serves startMockWeCom, the CLI and POST /__mock/callback, so all three refuse the same values
// with the same words.

import { isPlainObject } from '../http';
import type { FieldCheck } from '../settings';

/**
 * Callbacks configured since 2022-08-15 get contact events with ids only (the app refetches the
 * details); older ones get names, positions, status and so on. Both exist in the wild.
 */
export type CallbackDetail = 'ids-only' | 'full';
export const CALLBACK_DETAILS: readonly CallbackDetail[] = ['ids-only', 'full'];

export interface CallbackConfig {
  url: string;
  token: string;
  aesKey: string;
  detail: CallbackDetail;
}

const TOKEN_SHAPE = /^[A-Za-z0-9]{3,32}$/;
const AES_KEY_SHAPE = /^[A-Za-z0-9+/]{43}$/;

export function checkCallbackUrl(value: unknown): FieldCheck<string> {
  const fail = { ok: false as const, message: 'url must be an http:// or https:// URL' };
  if (typeof value !== 'string') return fail;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? { ok: true, value } : fail;
  } catch {
    return fail;
  }
}

export function checkCallbackToken(value: unknown): FieldCheck<string> {
  return typeof value === 'string' && TOKEN_SHAPE.test(value)
    ? { ok: true, value }
    : { ok: false, message: 'token must be 3 to 32 letters or digits' };
}

/** EncodingAESKey: 43 characters of the base64 alphabet; with "=" appended it decodes to the 32-byte AES key. */
export function checkCallbackAesKey(value: unknown): FieldCheck<string> {
  const ok = typeof value === 'string' && AES_KEY_SHAPE.test(value) && Buffer.from(`${value}=`, 'base64').length === 32;
  return ok
    ? { ok: true, value: value as string }
    : { ok: false, message: 'aesKey must be exactly 43 characters of A-Z, a-z, 0-9, + and / (the EncodingAESKey, which decodes to 32 bytes)' };
}

export function checkCallbackDetail(value: unknown): FieldCheck<CallbackDetail> {
  return CALLBACK_DETAILS.includes(value as CallbackDetail)
    ? { ok: true, value: value as CallbackDetail }
    : { ok: false, message: `detail must be one of ${CALLBACK_DETAILS.map((d) => `"${d}"`).join(', ')}` };
}

export interface CallbackRequest {
  config: CallbackConfig;
  /** Do WeCom's URL check before accepting (the console does it when the admin saves). */
  verify: boolean;
}

/** A whole configuration: `verify` is accepted only where a check can run (the control API). */
export function checkCallbackRequest(input: unknown, options: { allowVerify: boolean }): FieldCheck<CallbackRequest> {
  if (!isPlainObject(input)) return { ok: false, message: 'callback must be an object {url, token, aesKey, detail?}' };
  const known = ['url', 'token', 'aesKey', 'detail', ...(options.allowVerify ? ['verify'] : [])];
  const stray = Object.keys(input).find((key) => !known.includes(key));
  if (stray) return { ok: false, message: `unknown field "${stray}"; known: ${known.join(', ')}` };

  const url = checkCallbackUrl(input.url);
  if (!url.ok) return url;
  const token = checkCallbackToken(input.token);
  if (!token.ok) return token;
  const aesKey = checkCallbackAesKey(input.aesKey);
  if (!aesKey.ok) return aesKey;
  const detail = input.detail === undefined ? ({ ok: true, value: 'ids-only' } as const) : checkCallbackDetail(input.detail);
  if (!detail.ok) return detail;
  if (input.verify !== undefined && typeof input.verify !== 'boolean') return { ok: false, message: 'verify must be true or false' };
  return {
    ok: true,
    value: {
      config: { url: url.value, token: token.value, aesKey: aesKey.value, detail: detail.value },
      verify: input.verify !== false,
    },
  };
}

/** What GET /__mock/callback shows: never the token or the key. */
export function describeCallback(config: CallbackConfig | undefined) {
  return config ? { url: config.url, detail: config.detail, configured: true } : { url: null, detail: null, configured: false };
}
