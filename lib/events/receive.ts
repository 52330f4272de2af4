import 'server-only';
import { createHash } from 'node:crypto';
import { NextResponse, after, type NextRequest } from 'next/server';
import { refreshDirectoryDepartments, refreshDirectoryMember, removeDirectoryMember } from '@/lib/admin/directory-store';
import { sessionRevocations } from '@/lib/auth/dal';
import { getCacheStore } from '@/lib/cache';
import { effectsOf, type ChangeEffects, type DirectoryPatch } from '@/lib/cache/invalidation';
import { cacheKeys } from '@/lib/cache/keys';
import { getConfig, type AppConfig } from '@/lib/config';
import { readBodyWithin } from '@/lib/http/read-body';
import { log } from '@/lib/log';
import { portalMetrics, type EventRejection } from '@/lib/metrics/registry';
import { isWeComError } from '@/lib/wecom';
import { hasValidSignature, isWithinTimestampWindow, openCiphertext, timestampSkewSeconds, type SignedQuery } from './callback-crypto';
import { MAX_XML_BYTES, readXmlFields, type XmlFields } from './event-xml';
import { dedupeKeyOf, eventFromFields, eventKind } from './wecom-event';

/**
 * `/api/wecom/events`: WeCom's event callbacks (接收消息 → API 接收, and optionally the
 * contact-sync event server with the same URL and keys). The signature is checked before
 * anything else is read; the answer comes fast (WeCom waits 5 s, then delivers again), with
 * the cache dropped and sessions ended before it, and the directory re-read after it.
 */

/** WeCom retries a delivery within seconds; an hour covers every retry of one event. */
const HANDLED_EVENT_SECONDS = 3600;

const plain = (status: number, body = '') =>
  new NextResponse(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

function signedQuery(request: NextRequest): SignedQuery | null {
  const params = request.nextUrl.searchParams;
  const msgSignature = params.get('msg_signature');
  const timestamp = params.get('timestamp');
  const nonce = params.get('nonce');
  if (!msgSignature || !timestamp || !nonce) return null;
  if (!/^[0-9a-fA-F]{40}$/.test(msgSignature) || !/^\d{1,12}$/.test(timestamp) || !/^[\x21-\x7e]{1,64}$/.test(nonce)) return null;
  return { msgSignature, timestamp, nonce };
}

function callbackConfig(): (AppConfig & { callback: NonNullable<AppConfig['callback']> }) | null {
  const config = getConfig();
  return config.callback ? (config as AppConfig & { callback: NonNullable<AppConfig['callback']> }) : null;
}

/** The URL check WeCom performs when the URL is saved in the admin console: echo the decrypted echostr. */
export function handleUrlCheck(request: NextRequest): NextResponse {
  const config = callbackConfig();
  if (!config) return plain(404, 'Event callbacks are not configured (WECOM_CALLBACK_TOKEN, WECOM_CALLBACK_AES_KEY).');
  const query = signedQuery(request);
  // searchParams decodes the value once, as WeCom's URL-encoding (+, /, =) needs.
  const echostr = request.nextUrl.searchParams.get('echostr');
  if (!query || !echostr || echostr.length > 1024) return reject(400, 'missing_parameters', 'url_check');
  if (!hasValidSignature(config.callback.token, query, echostr)) return reject(401, 'bad_signature', 'url_check');
  if (!isWithinTimestampWindow(query, Date.now())) return rejectStale(query, 'url_check');
  const opened = openCiphertext(config.callback.aesKey, echostr, config.corpId);
  if (!opened.ok) return reject(400, opened.problem, 'url_check');
  log.info('events.url_checked');
  return plain(200, opened.message);
}

export async function handleDelivery(request: NextRequest): Promise<NextResponse> {
  const config = callbackConfig();
  if (!config) return plain(404, 'Event callbacks are not configured (WECOM_CALLBACK_TOKEN, WECOM_CALLBACK_AES_KEY).');
  const query = signedQuery(request);
  if (!query) return reject(400, 'missing_parameters', 'delivery');
  const body = await readBodyWithin(request, MAX_XML_BYTES);
  if (body === 'too_large') return reject(413, 'too_large', 'delivery');
  const envelope = body === 'not_utf8' ? null : readXmlFields(body);
  const ciphertext = envelope?.Encrypt;
  if (!ciphertext) return reject(400, 'not_an_envelope', 'delivery');
  if (!hasValidSignature(config.callback.token, query, ciphertext)) return reject(401, 'bad_signature', 'delivery');
  // Signed, but not now: a replay of a captured request (or a clock off by minutes). Checked
  // after the signature, so the metric counts only requests signed with our Token.
  if (!isWithinTimestampWindow(query, Date.now())) return rejectStale(query, 'delivery');

  const opened = openCiphertext(config.callback.aesKey, ciphertext, config.corpId);
  if (!opened.ok) return reject(400, opened.problem, 'delivery');
  const fields = readXmlFields(opened.message);
  if (!fields) return reject(400, 'bad_event_xml', 'delivery');

  const kind = eventKind(fields);
  const event = eventFromFields(fields);
  const effects = effectsOf(event, cacheKeys);
  const delivery = deliveryFingerprint(ciphertext);
  const store = getCacheStore();
  const handledKey = cacheKeys.handledEvent(dedupeKeyOf(fields));
  if (!(await store.setIfAbsent(handledKey, delivery, HANDLED_EVENT_SECONDS))) {
    // Seen before. The very same request again is a redelivery: nothing to do. The same
    // content in another encryption is a re-sent event, or a second change of the same
    // member in the same second (ids-only callbacks read alike): the cache drops and
    // revocations are cheap and idempotent, so they run again; the directory patch does not.
    const redelivery = (await store.get(handledKey)) === delivery;
    if (!redelivery) await applyNow(effects, changedAt(fields));
    log.info('events.duplicate', { kind, redelivery });
    return plain(200);
  }
  await applyNow(effects, changedAt(fields));
  portalMetrics().event(kind);
  log.info('events.received', { kind, handled: event.type !== 'ignored', dropped: effects.dropKeys.length, revoked: effects.revokeMembers.length });
  after(() => patchDirectory(effects.directory, kind));
  return plain(200);
}

/** Tells one encryption from another: each starts with 16 random bytes. */
function deliveryFingerprint(ciphertext: string): string {
  return createHash('sha256').update(ciphertext).digest('base64url').slice(0, 22);
}

/**
 * When the change happened: the event's CreateTime (to the end of its second), but never
 * later than now, so a delayed repeat of an old event cannot end a session signed in after it.
 */
function changedAt(fields: XmlFields): number {
  const created = Number(fields.CreateTime);
  return Number.isFinite(created) && created > 0 ? Math.min(Date.now(), created * 1000 + 999) : Date.now();
}

async function applyNow(effects: ChangeEffects, at: number): Promise<void> {
  const store = getCacheStore();
  const revocations = sessionRevocations();
  await Promise.all([
    ...effects.dropKeys.map((key) => store.delete(key)),
    ...effects.revokeMembers.map((userid) => revocations.revokeMemberSessions(userid, at)),
  ]);
}

async function patchDirectory(patches: DirectoryPatch[], kind: string): Promise<void> {
  for (const patch of patches) {
    try {
      if (patch.kind === 'member') await refreshDirectoryMember(patch.userid, patch.renamedTo);
      else if (patch.kind === 'remove_member') await removeDirectoryMember(patch.userid);
      else await refreshDirectoryDepartments();
    } catch (error) {
      // The index stays as it was until its next full read (DATA_CACHE_SECONDS).
      log.warn('events.directory_patch_failed', { kind, patch: patch.kind, errcode: isWeComError(error) ? error.errcode : null });
    }
  }
}

function reject(status: number, reason: EventRejection, step: 'url_check' | 'delivery', detail: Record<string, unknown> = {}): NextResponse {
  log.warn('events.rejected', { step, reason, ...detail });
  portalMetrics().eventRejected(step, reason);
  return plain(status, `Rejected: ${reason.replace(/_/g, ' ')}.`);
}

/** 403: authentic, but outside CALLBACK_TIMESTAMP_WINDOW_SECONDS; the skew tells a replay from a wrong clock. */
function rejectStale(query: SignedQuery, step: 'url_check' | 'delivery'): NextResponse {
  return reject(403, 'timestamp_outside_window', step, { skewSeconds: timestampSkewSeconds(query, Date.now()) });
}
