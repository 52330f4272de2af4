import { createHash, randomInt } from 'node:crypto';

/**
 * The JS-SDK signature (doc 90506): sha1 over `jsapi_ticket=…&noncestr=…&timestamp=…&url=…`,
 * keys lowercase and in this order, values as they are (no URL-encoding). The app-level
 * signature (agentConfig) is the same formula with the app's ticket in the ticket slot.
 */
export interface SignatureInput {
  ticket: string;
  nonceStr: string;
  timestamp: number | string;
  url: string;
}

export function jsApiSignature({ ticket, nonceStr, timestamp, url }: SignatureInput): string {
  // The client signs the page without its fragment; a "#" left in would never match.
  const page = url.split('#')[0];
  return createHash('sha1').update(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${page}`, 'utf8').digest('hex');
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 16 characters of [A-Za-z0-9], like the documented example. */
export function newNonceStr(): string {
  let nonce = '';
  for (let i = 0; i < 16; i++) nonce += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
  return nonce;
}
