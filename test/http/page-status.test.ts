import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerPageStatus } from '@/lib/http/page-status';
import { installServerHooks } from '@/lib/http/server-hooks';

/** A server that answers like Next does: renders later (after awaits), sets a status or not, then writes. */
let server: http.Server;
let base = '';

beforeAll(async () => {
  installServerHooks();
  server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const failWith = url.searchParams.get('fail');
    if (failWith) answerPageStatus(Number(failWith));
    await Promise.resolve();
    response.statusCode = Number(url.searchParams.get('next') ?? 200);
    response.setHeader('content-type', 'text/html');
    response.end('<p>page</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('a page that failed answers the status it chose', () => {
  it('instead of the 200 Next.js would send', async () => {
    const response = await fetch(`${base}/?fail=503`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('<p>page</p>');
  });

  it('and only for its own request: a concurrent page that did not fail stays 200', async () => {
    const [failed, fine] = await Promise.all([fetch(`${base}/?fail=502`), fetch(`${base}/`)]);
    expect(failed.status).toBe(502);
    expect(fine.status).toBe(200);
  });

  it("but never over Next's own answer (a redirect, a 404)", async () => {
    expect((await fetch(`${base}/?fail=503&next=404`)).status).toBe(404);
    expect((await fetch(`${base}/?fail=503&next=307`, { redirect: 'manual' })).status).toBe(307);
  });

  it("nor for the RSC payload of a client-side navigation, which Next's router needs as 200", async () => {
    expect((await fetch(`${base}/?fail=503`, { headers: { rsc: '1' } })).status).toBe(200);
  });
});
