/**
 * Who is on the other end of a request, for per-client rate limits. With no proxy in front
 * (TRUSTED_PROXY_COUNT=0) it is the TCP peer, which the server stamps on every request
 * (socket-address.ts) and a client cannot forge; an X-Forwarded-For it sends is ignored.
 * Behind n proxies that each append the address they saw to X-Forwarded-For, the client is
 * the n-th entry from the right: entries further left were written by the client itself.
 */
export const SOCKET_ADDRESS_HEADER = 'x-portal-socket-address';

export function clientAddress(headers: Headers, trustedProxies: number): string {
  const socket = normalize(headers.get(SOCKET_ADDRESS_HEADER) ?? '') || 'unknown';
  if (trustedProxies === 0) return socket;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => normalize(entry))
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through all of them.
  if (forwarded.length < trustedProxies) return socket;
  return forwarded[forwarded.length - trustedProxies];
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are one client; anything not address-like is dropped. */
function normalize(entry: string): string {
  const value = entry.trim().replace(/^::ffff:/i, '');
  return /^[0-9A-Fa-f.:]{2,45}$/.test(value) ? value.toLowerCase() : '';
}
