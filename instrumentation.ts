/** Runs once when a server starts, before it handles a request; the Node-only parts live in their own modules. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  await import('./lib/startup-check');
  const [{ installServerHooks }, { installGracefulShutdown }, { closeCacheStore }] = await Promise.all([
    import('./lib/http/server-hooks'),
    import('./lib/http/graceful-shutdown'),
    import('./lib/cache/shutdown'),
  ]);
  installServerHooks();
  installGracefulShutdown(closeCacheStore);
  // The tenant's setup, checked once in the background: the log names a wrong console setting before employees meet it.
  (await import('./lib/setup/startup-doctor')).scheduleStartupDoctor();
}
