import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userSchema } from '@/lib/wecom/schemas';
import { isWeComError } from '@/lib/wecom/errors';
import { sendWeComRequest } from '@/lib/wecom/transport';

/** A stand-in for a broken gateway in front of WeCom: answers whatever a test asks for. */
let server: Server;
let base: string;
const answers: Record<string, { status: number; body: string }> = {
  '/cgi-bin/not-json': { status: 200, body: '<html>gateway error</html>' },
  '/cgi-bin/array': { status: 200, body: '[1,2,3]' },
  '/cgi-bin/wrong-shape': { status: 200, body: '{"errcode":0,"errmsg":"ok","name":42}' },
  '/cgi-bin/errcode-string': { status: 200, body: '{"errcode":"oops"}' },
  '/cgi-bin/no-errcode': { status: 200, body: '{"userid":"li.na","name":"李娜","brand_new_field":{"x":1}}' },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = answers[new URL(req.url!, 'http://x').pathname] ?? { status: 404, body: '' };
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (api: string) =>
  sendWeComRequest({ apiBase: base, api, schema: userSchema, timeoutMs: 2000, query: { access_token: 'SECRET-TOKEN' } }).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe('answers WeCom should never give', () => {
  it.each([
    ['not-json', /not JSON/],
    ['array', /not a JSON object/],
    ['wrong-shape', /unexpected answer shape at .*userid.*name|unexpected answer shape at .*name.*userid/],
    ['errcode-string', /errcode is not a number/],
  ])('%s becomes an "unavailable" WeComError naming the problem, not the token', async (api, message) => {
    const result = await send(api);
    expect('error' in result && isWeComError(result.error)).toBe(true);
    const error = (result as { error: Error & { kind: string } }).error;
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('SECRET-TOKEN');
  });

  it('a success without errcode and with unknown keys is accepted as it is', async () => {
    const result = await send('no-errcode');
    expect(result).toMatchObject({ value: { userid: 'li.na', name: '李娜', brand_new_field: { x: 1 } } });
    expect('mobile' in (result as { value: object }).value).toBe(false);
  });
});
