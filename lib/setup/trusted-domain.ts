/**
 * WeCom's rule for a redirect_uri: its host must be the app's trusted domain (可信域名); where
 * the trusted domain names a port, the port must match too. The console stores a bare host,
 * but a scheme or path pasted with it is tolerated here, as people paste whole URLs.
 */
export function trustedDomainMatches(trustedDomain: string, appUrl: string): boolean {
  const bare = trustedDomain.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
  const match = /^(\[[0-9a-f:]+\]|[^:]+)(?::(\d+))?$/.exec(bare);
  if (!match) return false;
  const [, host, port] = match;
  const app = new URL(appUrl);
  if (app.hostname.toLowerCase() !== host) return false;
  return port === undefined || Number(port) === effectivePort(app);
}

function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}
