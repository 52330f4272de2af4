import { describe, expect, it } from 'vitest';
import { MAX_CODE_BYTES, MAX_LOGIN_BODY_BYTES, readLoginRequest } from '@/lib/miniprogram/login-request';

const post = (body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Request('http://127.0.0.1:3000/api/wecom/miniprogram/login', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

const problemOf = async (request: Request) => {
  const result = await readLoginRequest(request);
  return result.ok ? 'ok' : `${result.status} ${result.error}`;
};

describe('reading a mini-program sign-in request', () => {
  it('accepts {"code": "..."}', async () => {
    expect(await readLoginRequest(post(JSON.stringify({ code: 'abc-DEF_123.~' })))).toEqual({ ok: true, code: 'abc-DEF_123.~' });
  });

  it('refuses a body that is not a JSON object', async () => {
    for (const body of ['', 'code=abc', '{"code":', '"abc"', '["abc"]', 'null', '42']) {
      expect(await problemOf(post(body)), body).toBe('400 invalid_json');
    }
    expect(await problemOf(post(null))).toBe('400 invalid_json');
    expect(await problemOf(post(new Uint8Array([0x7b, 0xff, 0x7d])))).toBe('400 invalid_json');
  });

  it('refuses a missing or empty code', async () => {
    for (const body of [{}, { code: '' }, { code: null }, { js_code: 'abc' }]) {
      expect(await problemOf(post(JSON.stringify(body))), JSON.stringify(body)).toBe('400 code_missing');
    }
  });

  it('refuses a code that is not a short printable string', async () => {
    for (const code of [42, ['abc'], { value: 'abc' }, 'a'.repeat(MAX_CODE_BYTES + 1), 'has space', 'tab\there', '中文']) {
      expect(await problemOf(post(JSON.stringify({ code }))), JSON.stringify(code).slice(0, 40)).toBe('400 code_malformed');
    }
    expect(await problemOf(post(JSON.stringify({ code: 'a'.repeat(MAX_CODE_BYTES) })))).toBe('ok');
  });

  it('refuses a body over the limit, declared or streamed', async () => {
    const big = JSON.stringify({ code: 'abc', padding: 'x'.repeat(MAX_LOGIN_BODY_BYTES) });
    expect(await problemOf(post(big))).toBe('413 body_too_large');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    expect(await problemOf(post(stream))).toBe('413 body_too_large');
  });

  it('does not insist on a JSON content type (wx.request sends one, other clients may not)', async () => {
    expect(await problemOf(post(JSON.stringify({ code: 'abc' }), { 'content-type': 'text/plain' }))).toBe('ok');
  });
});
