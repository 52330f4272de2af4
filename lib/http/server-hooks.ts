import http from 'node:http';
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
 * - The servers that handle requests are remembered, so a shutdown can stop them taking
 *   new connections and wait for the requests in flight (graceful-shutdown.ts).
 * - Each request runs with a slot a failed page can write its HTTP status into (page-status.ts).
 */
type InstalledBy = 'preload' | 'late';

interface HooksState {
  installedBy: InstalledBy;
  servers: Set<http.Server>;
}

// One state per process: the preload and the bundles Next builds each hold a copy of this module.
const STATE = Symbol.for('wecom-portal.server-hooks');
const holder = globalThis as { [STATE]?: HooksState };

export function serversSeen(): http.Server[] {
  return [...(holder[STATE]?.servers ?? [])];
}

/** True when the process was started with the preload, so no request can have arrived before the hooks. */
export function serverHooksPreloaded(): boolean {
  return holder[STATE]?.installedBy === 'preload';
}

/**
 * Installs the hooks once per process. `preload` from the preload, before Next.js loads;
 * `late` from instrumentation.ts under `next dev`, and from tests.
 */
export function installServerHooks(by: InstalledBy = 'late'): void {
  if (holder[STATE]) return;
  const state: HooksState = { installedBy: by, servers: new Set() };
  holder[STATE] = state;
  const prototype = http.Server.prototype;
  const emit = prototype.emit;
  prototype.emit = function emitWithHooks(this: http.Server, event: string | symbol, ...args: unknown[]) {
    const forward = () => emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    if (event === 'request') {
      state.servers.add(this);
      const request = args[0] as http.IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? '';
      return handleWithStatusSlot(request, args[1] as http.ServerResponse, forward);
    }
    return forward();
  } as typeof emit;
}
