import { ConfigError, getConfig } from './config';

/**
 * A bad configuration stops start-up here, with the message naming every variable to
 * fix, instead of failing on the first sign-in.
 */
try {
  const config = getConfig();
  console.log(
    JSON.stringify({ level: 'info', event: 'config.loaded', corpId: config.corpId, agentId: config.agentId, apiBase: config.apiBase, scope: config.scope, appUrl: config.appUrl }),
  );
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
