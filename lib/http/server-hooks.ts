import http from 'node:http';
import type { Socket } from 'node:net';
import { SOCKET_ADDRESS_HEADER } from './client-address';
import { handleWithStatusSlot } from './page-status';

/**
 * What the app needs from Node's HTTP server, which Next.js does not hand out. Installed
 * before Next.js creates its server, by the preload the server process starts with
 * (`node --require ./server-hooks.js server.js`, built from server-hooks-preload.ts): Next
 * listens before it runs instrumentation.ts, and holds the requests that arrive meanwhile,
 * so hooks installed from there would miss them.
 *
 * - Every incoming request gets the TCP peer's address stamped on it, overwriting whatever a
 *   client sent under that name: Next.js gives handlers and the proxy no access to the
 *   socket, and fills X-Forwarded-For from it only when the client sent none, so without
 *   this a client could pick its own address for the rate limits.
 * - Each request runs with a slot a failed page can write its HTTP status into (page-status.ts).
 * - Every server, its connections and the responses in progress on each are tracked, so a
 *   shutdown can stop taking connections and close each one only once nothing is being
 *   answered on it (graceful-shutdown.ts).
 */

/** One connection: the responses being answered on it, and since when it has had none. */
export interface TrackedConnection {
  readonly socket: Socket;
  readonly responses: Set<http.ServerResponse>;
  idleSince: number;
}

export interface TrackedServer {
  readonly connections: Map<Socket, TrackedConnection>;
  /** Set by a shutdown: every response not yet begun tells the client the connection closes after it. */
  draining: boolean;
}

type InstalledBy = 'preload' | 'late';

interface HooksState {
  installedBy: InstalledBy;
  servers: Map<http.Server, TrackedServer>;
}

// One state per process: the preload and the bundles Next builds each hold a copy of this module.
const STATE = Symbol.for('wecom-portal.server-hooks');
const holder = globalThis as { [STATE]?: HooksState };

/**
 * Installs the hooks once per process. `preload` from the preload, before Next.js loads;
 * `late` from instrumentation.ts under `next dev`, and from tests.
 */
export function installServerHooks(by: InstalledBy = 'late'): void {
  if (holder[STATE]) return;
  const state: HooksState = { installedBy: by, servers: new Map() };
  holder[STATE] = state;
  const prototype = http.Server.prototype;
  const emit = prototype.emit;
  prototype.emit = function emitWithHooks(this: http.Server, event: string | symbol, ...args: unknown[]) {
    const forward = () => emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    if (event === 'listening') trackServer(state, this);
    else if (event === 'connection') trackConnection(trackServer(state, this), args[0] as Socket);
    else if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      const response = args[1] as http.ServerResponse;
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? '';
      trackResponse(trackServer(state, this), request.socket, response);
      return handleWithStatusSlot(request, response, forward);
    }
    return forward();
  } as typeof emit;
}

/** True when the process was started with the preload, so no request can have arrived before the hooks. */
export function serverHooksPreloaded(): boolean {
  return holder[STATE]?.installedBy === 'preload';
}

/** The servers that listened since the hooks were installed, with what is open on each. */
export function trackedServers(): [http.Server, TrackedServer][] {
  return [...(holder[STATE]?.servers ?? [])];
}

function trackServer(state: HooksState, server: http.Server): TrackedServer {
  let tracked = state.servers.get(server);
  if (!tracked) {
    tracked = { connections: new Map(), draining: false };
    state.servers.set(server, tracked);
  }
  return tracked;
}

function trackConnection(server: TrackedServer, socket: Socket): TrackedConnection {
  let connection = server.connections.get(socket);
  if (!connection) {
    connection = { socket, responses: new Set(), idleSince: Date.now() };
    server.connections.set(socket, connection);
    socket.once('close', () => server.connections.delete(socket));
  }
  return connection;
}

function trackResponse(server: TrackedServer, socket: Socket, response: http.ServerResponse): void {
  const connection = trackConnection(server, socket);
  connection.responses.add(response);
  if (server.draining) closeAfter(response);
  // 'close' comes after the whole response has been handed to the socket (or the socket died).
  response.once('close', () => {
    connection.responses.delete(response);
    connection.idleSince = Date.now();
  });
}

/**
 * `Connection: close` on a response not yet begun: the client learns that this connection
 * ends with this response, and Node closes it once the response is written out.
 */
export function closeAfter(response: http.ServerResponse): void {
  if (!response.headersSent) response.setHeader('connection', 'close');
}
