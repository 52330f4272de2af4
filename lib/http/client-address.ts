import { isIPv4, isIPv6 } from 'node:net';

/**
 * Who is on the other end of a request, for per-client rate limits. With no proxy in front
 * (TRUSTED_PROXY_COUNT=0) it is the TCP peer, which the server stamps on every request
 * (server-hooks.ts) and a client cannot forge; an X-Forwarded-For it sends is ignored.
 * Behind n proxies that each append the address they saw to X-Forwarded-For, the client is
 * the n-th entry from the right: entries further left were written by the client itself.
 *
 * Every address is read in one canonical spelling, so that the spellings of one address
 * count as one client: an IPv4-mapped IPv6 address is its IPv4 address, IPv6 is lower-case
 * and zero-compressed (RFC 5952). A port a proxy wrote (`IP:port`, `[IPv6]:port`) is dropped.
 */
export const SOCKET_ADDRESS_HEADER = 'x-portal-socket-address';

/** The client's address, canonical; 'unknown' when not even the socket's address is known. */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const socket = canonicalAddress(headers.get(SOCKET_ADDRESS_HEADER) ?? '') ?? 'unknown';
  if (trustedProxies === 0) return socket;
  const forwardedFor = headers.get('x-forwarded-for');
  if (forwardedFor === null || forwardedFor.trim() === '') return socket;
  // Every entry counts, well-formed or not: dropping one would shift the count onto an entry the client wrote.
  const entries = forwardedFor.split(',');
  // Fewer entries than proxies: the request did not come through all of them.
  if (entries.length < trustedProxies) return socket;
  // Written by the outermost trusted proxy, so normally well-formed. When it is not (a
  // TRUSTED_PROXY_COUNT higher than the proxies in front, a proxy that writes `unknown` or an
  // obfuscated name), any entry to its left could be the client's own: the request counts as
  // the nearest proxy's instead, sharing its bucket, which a client cannot choose.
  return forwardedEntryAddress(entries[entries.length - trustedProxies]) ?? socket;
}

/**
 * What a rate limit counts a client by: its address for IPv4, its network for IPv6, where one
 * subscriber usually holds a whole /64 (RATE_LIMIT_IPV6_PREFIX, 64 by default) and could
 * otherwise take a fresh address, and a fresh budget, for every attempt.
 */
export function rateLimitKey(address: string, ipv6PrefixLength: number): string {
  const groups = address.includes(':') ? ipv6Groups(address) : null;
  if (!groups || ipv6PrefixLength >= 128) return address;
  const masked = groups.map((group, i) => {
    const bitsKept = Math.min(16, Math.max(0, ipv6PrefixLength - i * 16));
    return bitsKept === 0 ? 0 : group & (0xffff << (16 - bitsKept)) & 0xffff;
  });
  return `${formatIPv6(masked)}/${ipv6PrefixLength}`;
}

/** The key the sign-in limits count the caller of this request by. */
export function clientRateLimitKey(headers: Headers, config: { trustedProxyCount: number; rateLimitIpv6Prefix: number }): string {
  return rateLimitKey(clientAddress(headers, config.trustedProxyCount), config.rateLimitIpv6Prefix);
}

/** One X-Forwarded-For entry as proxies write it: `IP`, `IP:port`, `[IPv6]` or `[IPv6]:port`; null for anything else. */
export function forwardedEntryAddress(entry: string): string | null {
  const value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value);
  if (bracketed) return isPort(bracketed[2]) && isIPv6(bracketed[1]) ? canonicalAddress(bracketed[1]) : null;
  const ipv4WithPort = /^([\d.]+):(\d{1,5})$/.exec(value);
  if (ipv4WithPort) return isPort(ipv4WithPort[2]) ? canonicalAddress(ipv4WithPort[1]) : null;
  return canonicalAddress(value);
}

/** A bare IPv4 or IPv6 address in its canonical spelling; null when it is not one. */
export function canonicalAddress(text: string): string | null {
  const value = text.trim();
  if (isIPv4(value)) return value;
  const groups = ipv6Groups(value);
  if (!groups) return null;
  // ::ffff:a.b.c.d is how a dual-stack socket reports an IPv4 client: the same client as a.b.c.d.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  }
  return formatIPv6(groups);
}

function isPort(text: string | undefined): boolean {
  return text === undefined || Number(text) <= 65535;
}

/** The eight 16-bit groups of an IPv6 address (a zone such as `%eth0` ignored); null when it is not one. */
function ipv6Groups(text: string): number[] | null {
  if (!isIPv6(text)) return null;
  let value = text.replace(/%.*$/, '').toLowerCase();
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes the two groups it spells.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(value);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number);
    value = `${value.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = value.split('::');
  const left = head ? head.split(':') : [];
  const right = rest === undefined ? [] : rest ? rest.split(':') : [];
  const zeros = rest === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(zeros).fill('0'), ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/** RFC 5952: lower-case hex without leading zeros, the longest run of two or more zero groups (the first of equals) as `::`. */
function formatIPv6(groups: number[]): string {
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    if (end - i > best.length) best = { start: i, length: end - i };
    i = end;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}
