import { encrypt, getSignature } from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import { CALLBACK_TIMESTAMP_WINDOW_SECONDS, hasValidSignature, isWithinTimestampWindow, openCiphertext } from '@/lib/events/callback-crypto';

// WeCom's published sample (the same values in every official WXBizMsgCrypt sample).
const TOKEN = 'QDG6eK';
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const CORP_ID = 'wx5823bf96d3bd56c7';
const URL_CHECK = {
  msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  timestamp: '1409659589',
  nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
};
const POST = {
  msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6',
  timestamp: '1409659813',
  nonce: '1372623149',
  encrypt:
    'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
};

describe("WeCom's published callback sample", () => {
  it('the URL check: the signature holds and echostr decrypts to 1616140317555161061 for the corp', () => {
    expect(hasValidSignature(TOKEN, URL_CHECK, URL_CHECK.echostr)).toBe(true);
    expect(openCiphertext(AES_KEY, URL_CHECK.echostr, CORP_ID)).toEqual({ ok: true, message: '1616140317555161061' });
  });

  it('the POST: msg_signature 477715d1… holds and the message is the text "hello" for agent 218', () => {
    expect(hasValidSignature(TOKEN, POST, POST.encrypt)).toBe(true);
    const opened = openCiphertext(AES_KEY, POST.encrypt, CORP_ID);
    expect(opened.ok && opened.message).toContain('<Content><![CDATA[hello]]></Content>');
    expect(opened.ok && opened.message).toContain('<AgentID>218</AgentID>');
  });

  it('a signature for other values, another token or a changed ciphertext fails', () => {
    expect(hasValidSignature(TOKEN, { ...POST, nonce: '1372623150' }, POST.encrypt)).toBe(false);
    expect(hasValidSignature('OtherToken', POST, POST.encrypt)).toBe(false);
    expect(hasValidSignature(TOKEN, POST, POST.encrypt.replace('Ryp', 'Ryq'))).toBe(false);
    expect(hasValidSignature(TOKEN, { ...POST, msgSignature: 'not-hex' }, POST.encrypt)).toBe(false);
  });
});

describe('opening a ciphertext', () => {
  it('handles padding values over 16, which Node’s automatic padding would reject', () => {
    for (let length = 1; length <= 64; length++) {
      const message = 'x'.repeat(length);
      const ciphertext = encrypt(AES_KEY, message, CORP_ID);
      expect(openCiphertext(AES_KEY, ciphertext, CORP_ID)).toEqual({ ok: true, message });
    }
    // 16 random + 4 length + 3 message + 18 corp id = 41 bytes: 23 bytes of padding.
    expect(32 - ((16 + 4 + 3 + CORP_ID.length) % 32)).toBeGreaterThan(16);
  });

  it('refuses a message addressed to another corp', () => {
    expect(openCiphertext(AES_KEY, encrypt(AES_KEY, 'hi', 'wwanothercorp'), CORP_ID)).toEqual({ ok: false, problem: 'receiver' });
  });

  it('refuses garbage, truncated ciphertext and another key without throwing', () => {
    const otherKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    for (const bad of ['', 'not base64!', 'AAAA', POST.encrypt.slice(0, 40), POST.encrypt.slice(0, -4)]) {
      expect(openCiphertext(AES_KEY, bad, CORP_ID).ok, bad.slice(0, 12)).toBe(false);
    }
    expect(openCiphertext(otherKey, POST.encrypt, CORP_ID).ok).toBe(false);
  });

  it('the signature is computed over the ciphertext exactly as sent', () => {
    const ciphertext = encrypt(AES_KEY, '<xml/>', CORP_ID);
    expect(hasValidSignature(TOKEN, { msgSignature: getSignature(TOKEN, '1', '2', ciphertext), timestamp: '1', nonce: '2' }, ciphertext)).toBe(true);
  });
});

describe('the signed timestamp of a callback', () => {
  const now = 1_800_000_000_000;
  const at = (seconds: number) => ({ timestamp: String(seconds) });
  const nowSeconds = now / 1000;

  it('is accepted within five minutes of the server clock, either way', () => {
    expect(CALLBACK_TIMESTAMP_WINDOW_SECONDS).toBe(300);
    expect(isWithinTimestampWindow(at(nowSeconds), now)).toBe(true);
    expect(isWithinTimestampWindow(at(nowSeconds - 300), now)).toBe(true);
    expect(isWithinTimestampWindow(at(nowSeconds + 300), now)).toBe(true);
  });

  it('is refused beyond it: a replay an hour later, the epoch, the year 2100', () => {
    expect(isWithinTimestampWindow(at(nowSeconds - 301), now)).toBe(false);
    expect(isWithinTimestampWindow(at(nowSeconds + 301), now)).toBe(false);
    expect(isWithinTimestampWindow(at(nowSeconds - 3601), now)).toBe(false);
    expect(isWithinTimestampWindow(at(1), now)).toBe(false);
    expect(isWithinTimestampWindow(at(4_102_444_800), now)).toBe(false);
  });
});
