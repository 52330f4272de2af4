import http from 'node:http';
import { SOCKET_ADDRESS_HEADER } from './client-address';
import { handleWithStatusSlot } from './page-status';

/**
 * What the app needs from Node's HTTP server, which Next.js does not hand out. Installed
 * once per process from instrumentation.ts, before the server handles its first request.
 *
 * - Every incoming request gets the TCP peer's address stamped on it, overwriting whatever a
 *   client sent under that name: Next.js gives handlers and the proxy no access to the
 *   socket, and fills X-Forwarded-For from it only when the client sent none, so without
 *   this a client could pick its own address for the rate limits.
 * - The servers that handle requests are remembered, so a shutdown can stop them taking
 *   new connections and wait for the requests in flight (graceful-shutdown.ts).
 * - Each request runs with a slot a failed page can write its HTTP status into (page-status.ts).
 */
const INSTALLED = Symbol.for('wecom-portal.server-hooks');
const servers = new Set<http.Server>();

export function serversSeen(): http.Server[] {
  return [...servers];
}

export function installServerHooks(): void {
  const prototype = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const emit = prototype.emit;
  prototype.emit = function emitWithHooks(this: http.Server, event: string | symbol, ...args: unknown[]) {
    const forward = () => emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    if (event === 'request') {
      servers.add(this);
      const request = args[0] as http.IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? '';
      return handleWithStatusSlot(request, args[1] as http.ServerResponse, forward);
    }
    return forward();
  } as typeof emit;
}
