import { readBodyWithin } from '@/lib/http/read-body';

/**
 * The body of a mini-program sign-in, `{"code": "..."}` from `wx.qy.login`, read with
 * bounds: a code is at most 512 bytes of printable ASCII, so a body over 4 KB is never a
 * sign-in and is not read to the end.
 */
export const MAX_LOGIN_BODY_BYTES = 4096;
export const MAX_CODE_BYTES = 512;

export type LoginRequestProblem = 'body_too_large' | 'invalid_json' | 'code_missing' | 'code_malformed';

export type LoginRequest =
  | { ok: true; code: string }
  | { ok: false; status: 400 | 413; error: LoginRequestProblem; message: string };

const problem = (status: 400 | 413, error: LoginRequestProblem, message: string): LoginRequest => ({ ok: false, status, error, message });

export async function readLoginRequest(request: Request): Promise<LoginRequest> {
  const text = await readBodyWithin(request, MAX_LOGIN_BODY_BYTES);
  if (text === 'too_large') return problem(413, 'body_too_large', `The body must be at most ${MAX_LOGIN_BODY_BYTES} bytes.`);

  let body: unknown;
  try {
    body = text === 'not_utf8' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return problem(400, 'invalid_json', 'The body must be a JSON object: {"code": "<code from wx.qy.login>"}.');
  }

  const code = (body as Record<string, unknown>).code;
  if (code === undefined || code === null || code === '') return problem(400, 'code_missing', 'The body has no "code".');
  if (typeof code !== 'string') return problem(400, 'code_malformed', '"code" must be a string.');
  if (new TextEncoder().encode(code).byteLength > MAX_CODE_BYTES) {
    return problem(400, 'code_malformed', `"code" must be at most ${MAX_CODE_BYTES} bytes.`);
  }
  if (!/^[\x21-\x7e]+$/.test(code)) return problem(400, 'code_malformed', '"code" must be printable ASCII without spaces.');
  return { ok: true, code };
}
