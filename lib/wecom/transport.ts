import type { z } from 'zod';
import { WeComError } from './errors';

/**
 * The one way a request reaches WeCom: base URL, timeout, JSON, errcode check, schema.
 * Nothing here logs or throws the URL, because its query carries the token and codes.
 */
export interface WeComRequest<T extends z.ZodType> {
  apiBase: string;
  /** Path under /cgi-bin/, e.g. "user/get"; also the API's name in errors and logs. */
  api: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  schema: T;
  timeoutMs: number;
  /** Told the answer's headers before its body is read (the setup doctor reads WeCom's Date). */
  onHeaders?: (headers: Headers) => void;
}

export async function sendWeComRequest<T extends z.ZodType>(request: WeComRequest<T>): Promise<z.infer<T>> {
  const { api } = request;
  const url = new URL(`${request.apiBase}/cgi-bin/${api}`);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method: request.body === undefined ? 'GET' : 'POST',
      headers: request.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
      cache: 'no-store',
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw WeComError.unavailable(api, timedOut ? `no answer within ${request.timeoutMs} ms` : 'connection failed');
  }

  request.onHeaders?.(response.headers);
  if (response.status === 503 || response.status === 502 || response.status === 504) {
    await response.body?.cancel();
    throw WeComError.busyHttp(api, response.status);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw WeComError.unavailable(api, `HTTP ${response.status}`);
  }

  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw WeComError.unavailable(api, 'the answer is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw WeComError.unavailable(api, 'the answer is not a JSON object');

  const errcode = (json as { errcode?: unknown }).errcode;
  if (errcode !== undefined && errcode !== 0) {
    if (typeof errcode !== 'number') throw WeComError.unavailable(api, 'errcode is not a number');
    throw WeComError.fromErrcode(api, errcode, (json as { errmsg?: unknown }).errmsg);
  }

  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ');
    throw WeComError.unavailable(api, `unexpected answer shape at ${fields}`);
  }
  return parsed.data;
}
