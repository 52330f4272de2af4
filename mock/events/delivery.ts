// How WeCom talks to the app's callback URL: the URL check when the admin saves the
// configuration, and the encrypted, signed event POSTs afterwards, retried when the app does not
// answer HTTP 200 in time. Signing and AES come from @wecom/crypto, WeCom's own package (its
// padding is PKCS#7 to 32 bytes, as WeCom's).

import { randomInt } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';
import { DEFAULT_AGENT_ID, MOCK_CORP_ID } from '../credentials';
import { CALLBACK_DEFAULTS } from '../settings';
import type { MockState } from '../state';
import type { CallbackConfig } from './callback-config';
import { renderXml, type OutgoingMessage } from './messages';

/** WeCom's URL check wants the answer within one second. */
export const URL_CHECK_TIMEOUT_MS = 1000;
/** One try plus WeCom's three retries. */
export const MAX_DELIVERY_ATTEMPTS = 4;

/** What a control call reports for each event it pushed, once the pushing is over. */
export interface Delivery {
  event: string;
  changeType?: string;
  /** The last HTTP status the app answered; null when it never answered (timeout, refused). */
  status: number | null;
  attempts: number;
  /** From the first try to the outcome, retry pauses included. */
  ms: number;
  delivered: boolean;
  /** Why the last attempt failed, when it did. */
  error?: string;
}

/** Digits only, like WeCom's nonces and echostr plaintexts; never a leading zero. */
function randomDigits(length: number): string {
  let out = String(1 + randomInt(9));
  while (out.length < length) out += String(randomInt(10));
  return out;
}

function withQuery(target: string, params: Record<string, string>): string {
  const url = new URL(target);
  url.hash = '';
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

function signedQuery(config: CallbackConfig, timestamp: number, ciphertext: string) {
  const nonce = randomDigits(10);
  return {
    msg_signature: getSignature(config.token, timestamp, nonce, ciphertext),
    timestamp: String(timestamp),
    nonce,
  };
}

type Attempt = { status: number | null; ok: boolean; body?: string; error?: string };

/** One HTTP exchange with a deadline; a closing mock aborts it (and rethrows). */
async function exchange(url: string, init: RequestInit, timeoutMs: number, closing: AbortSignal): Promise<Attempt> {
  const deadline = AbortSignal.timeout(timeoutMs);
  let status: number | null = null;
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.any([deadline, closing]) });
    status = response.status;
    // The answer counts once it is complete, body included.
    const body = await response.text();
    return { status, ok: status === 200, body, ...(status === 200 ? {} : { error: `answered HTTP ${status}` }) };
  } catch (error) {
    if (closing.aborted) throw error;
    if (deadline.aborted) return { status, ok: false, error: `no complete answer within ${timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status, ok: false, error: `could not reach the URL (${cause?.code ?? cause?.message ?? (error as Error).message})` };
  }
}

export type UrlCheck = { ok: true } | { ok: false; message: string; status: number | null };

/**
 * WeCom's URL check: GET url?msg_signature&timestamp&nonce&echostr where echostr is a random
 * number encrypted for the corp; the app must answer HTTP 200 with the plaintext alone.
 */
export async function runUrlCheck(config: CallbackConfig, state: MockState): Promise<UrlCheck> {
  const plaintext = randomDigits(19);
  const echostr = encrypt(config.aesKey, plaintext, MOCK_CORP_ID);
  const query = { ...signedQuery(config, state.clock.nowSeconds(), echostr), echostr };
  const answer = await exchange(withQuery(config.url, query), { method: 'GET' }, URL_CHECK_TIMEOUT_MS, state.closing);
  if (!answer.ok) return { ok: false, message: `URL check failed: ${answer.error}`, status: answer.status };
  if (answer.body !== plaintext) {
    const shown = JSON.stringify((answer.body ?? '').slice(0, 80));
    return { ok: false, message: `URL check failed: the answer ${shown} is not the decrypted echostr (expected the plaintext alone, no quotes or newline)`, status: answer.status };
  }
  return { ok: true };
}

/** The POST body WeCom sends: corp, app and the ciphertext. */
export function envelope(ciphertext: string, agentId = DEFAULT_AGENT_ID): string {
  return renderXml([
    ['ToUserName', MOCK_CORP_ID],
    ['AgentID', String(agentId)],
    ['Encrypt', ciphertext],
  ]);
}

/** Key of the counters: callback:<ChangeType or Event>, e.g. callback:update_user. */
export function counterKey(message: Pick<OutgoingMessage, 'event' | 'changeType'>): string {
  return `callback:${message.changeType ?? message.event}`;
}

async function deliverOne(message: OutgoingMessage, config: CallbackConfig, state: MockState): Promise<Delivery> {
  const startedAt = Date.now();
  const ciphertext = encrypt(config.aesKey, message.xml, MOCK_CORP_ID);
  // A retry repeats the same request: same query, same ciphertext.
  const url = withQuery(config.url, signedQuery(config, state.clock.nowSeconds(), ciphertext));
  const init: RequestInit = { method: 'POST', headers: { 'content-type': 'text/xml' }, body: envelope(ciphertext) };
  let last: Attempt = { status: null, ok: false };
  let attempts = 0;
  while (attempts < MAX_DELIVERY_ATTEMPTS) {
    if (attempts > 0) await state.sleep(state.settings.callbackRetryDelayMs ?? CALLBACK_DEFAULTS.callbackRetryDelayMs);
    attempts += 1;
    state.countCall(counterKey(message));
    last = await exchange(url, init, state.settings.callbackTimeoutMs ?? CALLBACK_DEFAULTS.callbackTimeoutMs, state.closing);
    if (last.ok) break;
  }
  return {
    event: message.event,
    ...(message.changeType ? { changeType: message.changeType } : {}),
    status: last.status,
    attempts,
    ms: Date.now() - startedAt,
    delivered: last.ok,
    ...(last.error ? { error: last.error } : {}),
  };
}

/**
 * Pushes the messages one after another, in order, and resolves with one report each. With no
 * callback configured nothing is sent. Pushes of different control calls queue behind each
 * other, so the app sees changes in the order they were made.
 */
export function pushMessages(messages: OutgoingMessage[], state: MockState): Promise<Delivery[]> {
  const config = state.callback;
  if (!config || messages.length === 0) return Promise.resolve([]);
  return state.outbox.run(async () => {
    const reports: Delivery[] = [];
    for (const message of messages) reports.push(await deliverOne(message, config, state));
    return reports;
  });
}
