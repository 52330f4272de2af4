import type http from 'node:http';
import net from 'node:net';
import { log } from '@/lib/log';
import { closeAfter, trackedServers, type TrackedServer } from './server-hooks';

/**
 * SIGTERM (a deploy, `docker stop`, Kubernetes) and SIGINT: stop taking connections, let
 * every response finish, close Redis, exit 0. Next.js's own handler does the first two but
 * exits 143 and knows nothing of Redis, so it is switched off with NEXT_MANUAL_SIG_HANDLE
 * (the Dockerfile and the test harness set it); without that variable Next.js's handler
 * stays in charge.
 */
const GRACE_MS = 20_000;

export function installGracefulShutdown(closeResources: () => Promise<void>): void {
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) return;
  let started = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    const servers = trackedServers();
    const connections = servers.reduce((sum, [, tracked]) => sum + tracked.connections.size, 0);
    log.info('shutdown.started', { signal, servers: servers.length, connections });
    // Requests that outlive the grace period (a stuck upstream) do not hold the deploy up.
    const deadline = setTimeout(() => {
      log.warn('shutdown.grace_period_exceeded', { graceMs: GRACE_MS });
      process.exit(1);
    }, GRACE_MS);
    deadline.unref();
    await Promise.all(servers.map(([server, tracked]) => drainServer(server, tracked)));
    await closeResources().catch((error: unknown) => log.warn('shutdown.close_failed', { error: error instanceof Error ? error.name : String(error) }));
    log.info('shutdown.finished');
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/**
 * Stops `server` taking connections and resolves once every connection it had is closed,
 * each only when no response is in progress on it:
 *
 * - A response in progress finishes, to its last byte. (Node's own `server.close()` and
 *   `closeIdleConnections()` destroy a connection whose response has called `end()`, even
 *   while the end of the body still waits to be written: the client, or nginx, gets a
 *   response cut short. So they are not used here.)
 * - A response not yet begun, and every request that arrives on an open connection from
 *   now on, is answered with `Connection: close`: the connection ends after it.
 * - The port closes one turn of the event loop later: the kernel resets a connection it has
 *   completed but Node has not yet taken when the port closes, together with the request a
 *   proxy already sent on it, so the ones queued at the signal are taken first.
 * - A keep-alive connection with nothing in progress is not closed at once: its peer may be
 *   sending a request on it at that very moment, and would see the connection reset under
 *   it (nginx retries a GET then, never a POST). It is left to its peer, which closes it or
 *   uses it (and gets `Connection: close`), and closed only after `idleMs` without a
 *   request: the server's keep-alive timeout, the same rule as while running, which a proxy
 *   in front stays under (deploy/nginx.conf: keepalive_timeout).
 */
export async function drainServer(server: http.Server, tracked: TrackedServer, idleMs = server.keepAliveTimeout || 5000): Promise<void> {
  tracked.draining = true;
  for (const connection of tracked.connections.values()) connection.responses.forEach(closeAfter);
  // This turn's I/O phase accepts what is queued; setImmediate runs right after it.
  await new Promise((resolve) => setImmediate(resolve));
  // net.Server's close stops listening and leaves the open connections to us.
  if (server.listening) net.Server.prototype.close.call(server);
  await new Promise<void>((resolve) => {
    const closeIdle = () => {
      const now = Date.now();
      for (const connection of tracked.connections.values()) {
        if (connection.responses.size === 0 && now - connection.idleSince >= idleMs) connection.socket.destroy();
      }
      if (tracked.connections.size === 0) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(closeIdle, 50);
    closeIdle();
  });
}
