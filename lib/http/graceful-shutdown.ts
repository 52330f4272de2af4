import { log } from '@/lib/log';
import { serversSeen } from './server-hooks';

/**
 * SIGTERM (a deploy, `docker stop`, Kubernetes) and SIGINT: stop taking connections, let
 * the requests in flight finish, close Redis, exit 0. Next.js's own handler does the first
 * two but exits 143 and knows nothing of Redis, so it is switched off with
 * NEXT_MANUAL_SIG_HANDLE (the Dockerfile and the test harness set it); without that
 * variable Next.js's handler stays in charge.
 */
const GRACE_MS = 20_000;

export function installGracefulShutdown(closeResources: () => Promise<void>): void {
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) return;
  let started = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    const servers = serversSeen();
    log.info('shutdown.started', { signal, servers: servers.length });
    // Requests that outlive the grace period (a stuck upstream) do not hold the deploy up.
    const deadline = setTimeout(() => {
      log.warn('shutdown.grace_period_exceeded', { graceMs: GRACE_MS });
      process.exit(1);
    }, GRACE_MS);
    deadline.unref();
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Keep-alive connections with no request in flight would otherwise hold close() open.
            server.closeIdleConnections();
          }),
      ),
    );
    await closeResources().catch((error: unknown) => log.warn('shutdown.close_failed', { error: error instanceof Error ? error.name : String(error) }));
    log.info('shutdown.finished');
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
