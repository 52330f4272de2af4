// IP addresses as WeCom compares and reports them: one spelling per address, so that a trusted-IP
// entry matches the caller however either was written, and IPv4 callers on a dual-stack socket
// (`::ffff:127.0.0.1`) read as the IPv4 address WeCom would name in errmsg.

import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

const IPV4_MAPPED = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/** The canonical spelling of an IPv4 or IPv6 address, or undefined when `text` is not one. */
export function canonicalIp(text: string): string | undefined {
  const trimmed = text.trim();
  const version = isIP(trimmed);
  if (version === 4) return trimmed;
  // A zone (`fe80::1%eth0`) names an interface of this host, never a caller WeCom could see.
  if (version !== 6 || trimmed.includes('%')) return undefined;
  // The URL parser writes IPv6 in its shortest lower-case form (RFC 5952).
  const compressed = new URL(`http://[${trimmed}]`).hostname.slice(1, -1);
  const mapped = IPV4_MAPPED.exec(compressed);
  if (!mapped) return compressed;
  const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** The address the request came from, as WeCom would report it in `from ip: …`. */
export function callerAddress(req: IncomingMessage): string {
  const remote = req.socket.remoteAddress ?? '';
  return canonicalIp(remote) ?? remote;
}
