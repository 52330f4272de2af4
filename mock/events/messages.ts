// WeCom's event messages: the plaintext XML that goes inside the encrypted envelope.
//
//   <xml><ToUserName><![CDATA[corp]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>
//   <CreateTime>1409659813</CreateTime><MsgType><![CDATA[event]]></MsgType>
//   <Event><![CDATA[change_contact]]></Event><ChangeType><![CDATA[update_user]]></ChangeType>
//   <UserID><![CDATA[hejing]]></UserID>…</xml>
//
// Text goes in CDATA, numbers bare, as in WeCom's samples. Contact events (change_contact) come
// from "sys"; app events (subscribe, unsubscribe) from the member, with the app's AgentID.

import type { CallbackDetail } from './callback-config';

export type FieldValue = string | number;

export interface EventField {
  name: string;
  value: FieldValue;
  /**
   * Sent to callbacks that get ids only (configured since 2022-08-15): UserID, NewUserID,
   * Department, Id, ParentId and the tag fields. Everything else only with detail "full".
   */
  id: boolean;
}

export interface CallbackEvent {
  event: string;
  changeType?: string;
  fromUserName: string;
  /** App events name the app; contact events do not. */
  agentId?: number;
  fields: EventField[];
}

/** One message ready to encrypt, with the names a delivery report and the counters use. */
export interface OutgoingMessage {
  event: string;
  changeType?: string;
  xml: string;
}

export const idField = (name: string, value: FieldValue): EventField => ({ name, value, id: true });
export const detailField = (name: string, value: FieldValue): EventField => ({ name, value, id: false });

/** CDATA cannot hold "]]>": split it across two sections, the standard way. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

export function xmlElement(name: string, value: FieldValue): string {
  return `<${name}>${typeof value === 'number' ? String(value) : cdata(value)}</${name}>`;
}

export function renderXml(fields: readonly (readonly [string, FieldValue])[]): string {
  return `<xml>${fields.map(([name, value]) => xmlElement(name, value)).join('')}</xml>`;
}

/** The plaintext of one event as this callback (ids only or full) receives it. */
export function renderEvent(event: CallbackEvent, context: { corpId: string; createTime: number; detail: CallbackDetail }): OutgoingMessage {
  const body = event.fields.filter((f) => f.id || context.detail === 'full');
  const xml = renderXml([
    ['ToUserName', context.corpId],
    ['FromUserName', event.fromUserName],
    ['CreateTime', context.createTime],
    ['MsgType', 'event'],
    ['Event', event.event],
    ...(event.changeType ? ([['ChangeType', event.changeType]] as const) : []),
    ...body.map((f) => [f.name, f.value] as const),
    ...(event.agentId !== undefined ? ([['AgentID', event.agentId]] as const) : []),
  ]);
  return { event: event.event, ...(event.changeType ? { changeType: event.changeType } : {}), xml };
}

/** subscribe / unsubscribe: the member joined or left the app (range, status, company). */
export function appEvent(event: 'subscribe' | 'unsubscribe', userid: string, agentId: number): CallbackEvent {
  return { event, fromUserName: userid, agentId, fields: [] };
}

export function contactEvent(changeType: string, fields: EventField[]): CallbackEvent {
  return { event: 'change_contact', changeType, fromUserName: 'sys', fields };
}
