// POST /__mock/events: an event a test writes itself, for what the directory changes do not
// cover (duplicates, bursts, enter_agent, odd or broken XML). Sent as given: no visible-range
// rules and no ids-only filtering.

import { XMLParser } from 'fast-xml-parser';
import { MOCK_CORP_ID } from '../credentials';
import { isPlainObject } from '../http';
import type { FieldCheck } from '../settings';
import { renderXml, type FieldValue, type OutgoingMessage } from './messages';

export const MAX_PUSH_TIMES = 50;
const MAX_RAW_CHARS = 64 * 1024;
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** The fields every event starts with; a test may override any of them. */
const HEADER = ['ToUserName', 'FromUserName', 'CreateTime', 'MsgType'] as const;

export interface PushRequest {
  message: OutgoingMessage;
  times: number;
}

function fromFields(fields: Record<string, unknown>, createTime: number): FieldCheck<OutgoingMessage> {
  for (const [name, value] of Object.entries(fields)) {
    if (!XML_NAME.test(name)) return { ok: false, message: `fields: "${name}" is not an XML element name` };
    const fine = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    if (!fine) return { ok: false, message: `fields.${name} must be a string or a number` };
  }
  const values = fields as Record<string, FieldValue>;
  if (typeof values.Event !== 'string' || values.Event === '') return { ok: false, message: 'fields.Event is required, e.g. "change_contact"' };
  const defaults: Record<(typeof HEADER)[number], FieldValue> = {
    ToUserName: MOCK_CORP_ID,
    FromUserName: 'sys',
    CreateTime: createTime,
    MsgType: 'event',
  };
  const header = HEADER.map((name) => [name, values[name] ?? defaults[name]] as const);
  const rest = Object.entries(values).filter(([name]) => !(HEADER as readonly string[]).includes(name));
  const changeType = values.ChangeType;
  return {
    ok: true,
    value: {
      event: values.Event,
      ...(changeType !== undefined ? { changeType: String(changeType) } : {}),
      xml: renderXml([...header, ...rest]),
    },
  };
}

/** Raw XML goes out byte for byte; Event and ChangeType are read only to name the delivery. */
function fromRaw(raw: string): OutgoingMessage {
  let event = 'raw';
  let changeType: string | undefined;
  try {
    const parsed: unknown = new XMLParser({ parseTagValue: false }).parse(raw);
    const root = isPlainObject(parsed) && isPlainObject(parsed.xml) ? parsed.xml : undefined;
    if (root && typeof root.Event === 'string' && root.Event !== '') event = root.Event;
    if (root && typeof root.ChangeType === 'string' && root.ChangeType !== '') changeType = root.ChangeType;
  } catch {
    // Broken XML is a legitimate test input: the app must cope with it.
  }
  return { event, ...(changeType ? { changeType } : {}), xml: raw };
}

export function parsePushRequest(body: unknown, createTime: number): FieldCheck<PushRequest> {
  if (!isPlainObject(body)) return { ok: false, message: 'body must be a JSON object' };
  const known = ['fields', 'raw', 'times'];
  const stray = Object.keys(body).find((key) => !known.includes(key));
  if (stray) return { ok: false, message: `unknown field "${stray}"; known: ${known.join(', ')}` };
  const { fields, raw, times } = body;
  if ((fields === undefined) === (raw === undefined)) return { ok: false, message: 'give exactly one of "fields" (an object) or "raw" (the inner XML)' };
  if (times !== undefined && !(Number.isInteger(times) && (times as number) >= 1 && (times as number) <= MAX_PUSH_TIMES)) {
    return { ok: false, message: `times must be a whole number between 1 and ${MAX_PUSH_TIMES}` };
  }
  let message: OutgoingMessage;
  if (raw !== undefined) {
    if (typeof raw !== 'string' || raw.trim() === '' || raw.length > MAX_RAW_CHARS) {
      return { ok: false, message: `raw must be the event's inner XML, 1 to ${MAX_RAW_CHARS} characters` };
    }
    message = fromRaw(raw);
  } else {
    if (!isPlainObject(fields)) return { ok: false, message: 'fields must be an object like {"Event":"change_contact","ChangeType":"update_user","UserID":"hejing"}' };
    const built = fromFields(fields, createTime);
    if (!built.ok) return built;
    message = built.value;
  }
  return { ok: true, value: { message, times: (times as number | undefined) ?? 1 } };
}
