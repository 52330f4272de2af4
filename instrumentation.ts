/** Runs once when a server starts, before it handles a request; the Node-only parts live in their own modules. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  await import('./lib/startup-check');
  const [{ installServerHooks, serverHooksPreloaded }, { installGracefulShutdown }, { closeCacheStore }] = await Promise.all([
    import('./lib/http/server-hooks'),
    import('./lib/http/graceful-shutdown'),
    import('./lib/cache/shutdown'),
  ]);
  if (!serverHooksPreloaded()) {
    // Next listens before this runs: requests that came meanwhile went past hooks installed now.
    if (process.env.NODE_ENV === 'production') {
      console.error(
        'The server was started without its hooks, so its first requests could choose their own client address and lose their page status. ' +
          'Start it with `node --require ./server-hooks.js server.js` in .next/standalone (what the image runs), or `npm start`.',
      );
      process.exit(1);
    }
    // `next dev`: a developer's own server, whose first requests are the developer's.
    installServerHooks('late');
  }
  installGracefulShutdown(closeCacheStore);
  // The tenant's setup, checked once in the background: the log names a wrong console setting before employees meet it.
  (await import('./lib/setup/startup-doctor')).scheduleStartupDoctor();
}
