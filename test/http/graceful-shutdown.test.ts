import { spawn } from 'node:child_process';
import http from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { drainServer } from '@/lib/http/graceful-shutdown';
import { installServerHooks, trackedServers } from '@/lib/http/server-hooks';

/**
 * The shutdown against Node's real HTTP server: what a client (or nginx in front) sees of
 * a server that drains while responses are under way and keep-alive connections are open.
 * It leans on Node's behaviour (net.Server's close leaves connections open, `Connection:
 * close` ends a connection after its response), so these fail the day that changes.
 */
const BIG_BODY = Buffer.alloc(8 * 1024 * 1024, 'x');
let servers: http.Server[] = [];

beforeAll(() => installServerHooks());
afterEach(() => {
  for (const server of servers) server.closeAllConnections();
  servers = [];
});

async function serve(handler: http.RequestListener): Promise<{ server: http.Server; port: number; drain: (idleMs?: number) => Promise<void> }> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const tracked = trackedServers().find(([s]) => s === server)?.[1];
  if (!tracked) throw new Error('the hooks did not see the server listen');
  return { server, port: (server.address() as AddressInfo).port, drain: (idleMs) => drainServer(server, tracked, idleMs) };
}

/** A GET whose body is read only when `resume` is called: a slow reader, as a proxy busy elsewhere can be. */
function slowGet(port: number) {
  let received = 0;
  let resumeReading = () => {};
  const done = new Promise<{ status: number; bytes: number; complete: boolean }>((resolve, reject) => {
    http
      .get({ port, host: '127.0.0.1', path: '/', agent: false }, (response) => {
        response.pause();
        resumeReading = () => response.resume();
        response.on('data', (chunk: Buffer) => (received += chunk.length));
        response.on('end', () => resolve({ status: response.statusCode!, bytes: received, complete: response.complete }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
  return { done, resume: () => resumeReading() };
}

function get(port: number, agent: http.Agent, pathname = '/') {
  return new Promise<{ status: number; connection?: string; reused: boolean; body: string }>((resolve, reject) => {
    const request = http.get({ port, host: '127.0.0.1', path: pathname, agent }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, connection: response.headers.connection, reused: request.reusedSocket, body }));
    });
    request.on('error', reject);
  });
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a draining server', () => {
  it('delivers a response that has ended but is still being written, to its last byte', async () => {
    const { port, drain } = await serve((_request, response) => {
      response.setHeader('content-length', BIG_BODY.length);
      response.end(BIG_BODY);
    });
    const reader = slowGet(port);
    // The server has called end(); most of the body still waits for the reader.
    await sleep(200);
    const drained = drain(100);
    await sleep(100);
    reader.resume();
    expect(await reader.done).toEqual({ status: 200, bytes: BIG_BODY.length, complete: true });
    await drained;
  });

  it('takes no new connection', async () => {
    const { port, drain } = await serve((_request, response) => response.end('ok'));
    await drain(100);
    expect(await refused(port)).toBe(true);
  });

  it('answers a request that arrives on a kept-alive connection after shutdown began, and closes the connection after it', async () => {
    const { port, drain } = await serve((_request, response) => response.end('page'));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const first = await get(port, agent);
    expect(first.connection).toBe('keep-alive');

    const drained = drain(5_000);
    const second = await get(port, agent);
    expect(second).toEqual({ status: 200, connection: 'close', reused: true, body: 'page' });
    // Nothing else is open: the shutdown does not wait out the keep-alive timeout.
    await expect(Promise.race([drained.then(() => 'drained'), sleep(1000).then(() => 'still waiting')])).resolves.toBe('drained');
    agent.destroy();
  });

  it('tells the client of a response under way but not yet begun that the connection closes after it', async () => {
    const { port, drain } = await serve(async (_request, response) => {
      await sleep(300);
      response.end('late page');
    });
    const answer = get(port, new http.Agent({ keepAlive: true }));
    await sleep(100);
    const drained = drain(5_000);
    expect(await answer).toMatchObject({ status: 200, connection: 'close', body: 'late page' });
    await drained;
  });

  it('leaves an idle keep-alive connection to its peer for the keep-alive timeout, then closes it', async () => {
    const { port, drain } = await serve((_request, response) => response.end('ok'));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await get(port, agent);
    const started = Date.now();
    let closedAfter = 0;
    const drained = drain(600).then(() => (closedAfter = Date.now() - started));

    // Within the timeout the connection is still there to be used, and a request on it is answered.
    await sleep(300);
    expect(closedAfter).toBe(0);
    expect(await get(port, agent)).toMatchObject({ status: 200, connection: 'close', reused: true });
    await drained;
    agent.destroy();

    // A connection that never sends anything is closed after the timeout too.
    const { port: port2, drain: drain2 } = await serve((_request, response) => response.end('ok'));
    const silent = connect(port2, '127.0.0.1');
    await new Promise((resolve) => silent.once('connect', resolve));
    const silentClosed = new Promise((resolve) => silent.once('close', resolve));
    const begun = Date.now();
    await drain2(400);
    await silentClosed;
    expect(Date.now() - begun).toBeGreaterThanOrEqual(350);
  });
});

describe('the signal while connections wait to be taken', () => {
  it('answers a connection the kernel had queued while the server was busy, instead of resetting it with the port', async () => {
    // Another process, so that it can connect and send its request while this one is blocked:
    // it does so 100 ms after it is told the server is busy, and on which port.
    const client = spawn(
      process.execPath,
      [
        '-e',
        `process.stdin.once('data', (port) => setTimeout(() => {
          const socket = require('net').connect(Number(String(port)), '127.0.0.1', () => socket.write('GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n'));
          let text = '';
          socket.on('data', (d) => (text += d));
          socket.on('error', (e) => console.log('error ' + e.code));
          socket.on('close', () => { console.log(text.split('\\r\\n')[0] + ' | ' + (/connection: close/i.test(text) ? 'close' : 'keep-alive')); process.exit(0); });
        }, 100));`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let drained: Promise<void> | undefined;
    const { port, drain } = await serve((request, response) => {
      if (request.url === '/busy') {
        // The signal comes while the server is busy: its handler runs first thing after.
        setTimeout(() => (drained = drain(100)), 0);
        client.stdin.write(String(port));
        const until = Date.now() + 800;
        while (Date.now() < until); // the event loop is blocked; the kernel queues the new connection
      }
      response.end('ok');
    });
    let output = '';
    client.stdout.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => client.once('exit', resolve));
    expect((await get(port, new http.Agent(), '/busy')).status).toBe(200);
    await exited;
    expect(output.trim()).toBe('HTTP/1.1 200 OK | close');
    await drained;
  });
});
