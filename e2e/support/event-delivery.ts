import { encrypt, getSignature } from '@wecom/crypto';
import { MOCK_CORP_ID } from '../../mock/credentials';
import { CALLBACK_AES_KEY, CALLBACK_TOKEN } from './callback-keys';

/**
 * An event as WeCom delivers it to the callback URL `eventsUrl`: encrypted with the e2e
 * callback key, signed with the current time and a nonce of its own.
 */
export function eventDelivery(eventsUrl: string, fields: Record<string, string | number>): { url: string; body: string } {
  const xml = `<xml>${Object.entries(fields)
    .map(([name, value]) => (typeof value === 'number' ? `<${name}>${value}</${name}>` : `<${name}><![CDATA[${value}]]></${name}>`))
    .join('')}</xml>`;
  const ciphertext = encrypt(CALLBACK_AES_KEY, xml, MOCK_CORP_ID);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999));
  const query = new URLSearchParams({ msg_signature: getSignature(CALLBACK_TOKEN, timestamp, nonce, ciphertext), timestamp, nonce });
  const body = `<xml><ToUserName><![CDATA[${MOCK_CORP_ID}]]></ToUserName><AgentID>1000002</AgentID><Encrypt><![CDATA[${ciphertext}]]></Encrypt></xml>`;
  return { url: `${eventsUrl}?${query}`, body };
}

/** `unsubscribe`: the member was disabled or left the app's visible range; their sessions end. */
export const unsubscribeEvent = (userid: string) => ({
  ToUserName: MOCK_CORP_ID,
  FromUserName: userid,
  CreateTime: Math.floor(Date.now() / 1000),
  MsgType: 'event',
  Event: 'unsubscribe',
  AgentID: 1000002,
});

/** `change_contact` / `update_tag`: a tag's members changed; the app reads that tag again when it next needs it. */
export const tagChangedEvent = (tagId: number) => ({
  ToUserName: MOCK_CORP_ID,
  FromUserName: 'sys',
  CreateTime: Math.floor(Date.now() / 1000),
  MsgType: 'event',
  Event: 'change_contact',
  ChangeType: 'update_tag',
  TagId: tagId,
});
