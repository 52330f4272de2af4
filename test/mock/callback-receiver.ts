// A tiny stand-in for the app's callback endpoint, for the mock's event tests: it answers
// WeCom's URL check and records every event POST, checking signature and decryption with its
// own AES code (not @wecom/crypto), so the mock's encryption is checked independently.

import { createDecipheriv, createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';

/** WeCom's message signature: sha1 over the four values sorted and joined. */
export function signature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex');
}

/** AES-256-CBC with WeCom's 32-byte PKCS#7 padding, removed by hand (Node only knows 1..16). */
export function decryptIndependently(aesKey: string, ciphertext: string): { message: string; receiveId: string; padding: number } {
  const key = Buffer.from(`${aesKey}=`, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(ciphertext, 'base64'), decipher.final()]);
  const padding = plain[plain.length - 1]!;
  if (padding < 1 || padding > 32 || plain.length % 32 !== 0) throw new Error(`bad padding ${padding} (length ${plain.length})`);
  for (let i = plain.length - padding; i < plain.length; i += 1) {
    if (plain[i] !== padding) throw new Error('padding bytes differ');
  }
  const content = plain.subarray(0, plain.length - padding);
  const length = content.readUInt32BE(16);
  return {
    message: content.subarray(20, 20 + length).toString('utf8'),
    receiveId: content.subarray(20 + length).toString('utf8'),
    padding,
  };
}

const xml = new XMLParser({ parseTagValue: false });

export function parseXml(text: string): Record<string, string> {
  return (xml.parse(text) as { xml: Record<string, string> }).xml;
}

/** Tests push broken XML on purpose; the receiver records it with no fields instead of failing. */
function parseLeniently(text: string): Record<string, string> {
  try {
    return parseXml(text) ?? {};
  } catch {
    return {};
  }
}

export interface ReceivedEvent {
  query: URLSearchParams;
  contentType: string | undefined;
  rawBody: string;
  envelope: Record<string, string>;
  signatureValid: boolean;
  /** The decrypted inner XML and its fields. */
  plaintext: string;
  receiveId: string;
  fields: Record<string, string>;
}

export interface ReceiverBehaviour {
  /** Status for event POSTs (default 200). */
  status: number;
  /** Delay before answering the next N POSTs: [400, 0] delays the first by 400 ms only. */
  delays: number[];
  /** What the URL check answers: the plaintext, or something wrong. */
  echo: 'plaintext' | 'quoted';
}

export interface CallbackReceiver {
  url: string;
  events: ReceivedEvent[];
  /** Every POST, including the ones answered with an error or too late. */
  posts: number;
  urlChecks: URLSearchParams[];
  behaviour: ReceiverBehaviour;
  clear(): void;
  close(): Promise<void>;
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startCallbackReceiver(config: { token: string; aesKey: string }): Promise<CallbackReceiver> {
  const receiver: Omit<CallbackReceiver, 'url' | 'close'> = {
    events: [],
    posts: 0,
    urlChecks: [],
    behaviour: { status: 200, delays: [], echo: 'plaintext' },
    clear() {
      receiver.events.length = 0;
      receiver.urlChecks.length = 0;
      receiver.posts = 0;
      receiver.behaviour = { status: 200, delays: [], echo: 'plaintext' };
    },
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = url.searchParams;
    if (req.method === 'GET') {
      receiver.urlChecks.push(query);
      const echostr = query.get('echostr') ?? '';
      const valid = signature(config.token, query.get('timestamp') ?? '', query.get('nonce') ?? '', echostr) === query.get('msg_signature');
      if (!valid) {
        res.writeHead(403).end('bad signature');
        return;
      }
      const { message } = decryptIndependently(config.aesKey, echostr);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(receiver.behaviour.echo === 'plaintext' ? message : `"${message}"\n`);
      return;
    }
    const rawBody = await readAll(req);
    receiver.posts += 1;
    const delay = receiver.behaviour.delays.shift() ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const envelope = parseXml(rawBody);
    const encrypt = envelope.Encrypt ?? '';
    const { message, receiveId } = decryptIndependently(config.aesKey, encrypt);
    receiver.events.push({
      query,
      contentType: req.headers['content-type'],
      rawBody,
      envelope,
      signatureValid: signature(config.token, query.get('timestamp') ?? '', query.get('nonce') ?? '', encrypt) === query.get('msg_signature'),
      plaintext: message,
      receiveId,
      fields: parseLeniently(message),
    });
    res.writeHead(receiver.behaviour.status).end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/api/wecom/events`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
