import { describe, expect, it } from 'vitest';
import { SOCKET_ADDRESS_HEADER, canonicalAddress, clientAddress, clientRateLimitKey, forwardedEntryAddress, rateLimitKey } from '@/lib/http/client-address';

const request = (socket: string, forwardedFor?: string) =>
  new Headers({ [SOCKET_ADDRESS_HEADER]: socket, ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) });

describe('the client address rate limits count by', () => {
  it('with no proxy trusted, is the socket: an X-Forwarded-For the client sent changes nothing', () => {
    expect(clientAddress(request('203.0.113.7'), 0)).toBe('203.0.113.7');
    expect(clientAddress(request('203.0.113.7', '10.9.9.9'), 0)).toBe('203.0.113.7');
    expect(clientAddress(request('::ffff:203.0.113.7'), 0)).toBe('203.0.113.7');
  });

  it('behind one proxy, is the entry that proxy appended, whatever the client put before it', () => {
    expect(clientAddress(request('10.0.0.2', '198.51.100.4'), 1)).toBe('198.51.100.4');
    expect(clientAddress(request('10.0.0.2', '1.1.1.1, 2.2.2.2, 198.51.100.4'), 1)).toBe('198.51.100.4');
  });

  it('behind two proxies, is the second entry from the right', () => {
    expect(clientAddress(request('10.0.0.2', 'spoofed, 198.51.100.4, 10.0.0.1'), 2)).toBe('198.51.100.4');
  });

  it('reads an entry as a proxy writes it: with a port, or an IPv6 address in brackets with a port', () => {
    expect(clientAddress(request('10.0.0.2', '198.51.100.4:51234'), 1)).toBe('198.51.100.4');
    expect(clientAddress(request('10.0.0.2', '[2001:db8::9]:443'), 1)).toBe('2001:db8::9');
    expect(clientAddress(request('10.0.0.2', '[2001:db8::9]'), 1)).toBe('2001:db8::9');
    expect(clientAddress(request('10.0.0.2', '2001:db8::9'), 1)).toBe('2001:db8::9');
  });

  it('a proxy that writes [IPv6]:port does not make the entry the client wrote before it "the client"', () => {
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, [2001:db8::9]:443'), 1)).toBe('2001:db8::9');
    // Two proxies, the outer one writing a port: still two entries from the right.
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, [2001:db8::9]:443, 10.0.0.1'), 2)).toBe('2001:db8::9');
  });

  it('one client with a new source port each time is one client', () => {
    const ports = [40000, 40001, 51234, 65535].map((port) => clientAddress(request('10.0.0.2', `198.51.100.4:${port}`), 1));
    expect(new Set(ports)).toEqual(new Set(['198.51.100.4']));
  });

  it('a malformed entry at the trusted position falls back to the socket, never to an entry the client wrote', () => {
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, unknown'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, <script>'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, 198.51.100.4:99999'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, [198.51.100.4]:443'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, '), 1)).toBe('10.0.0.2');
    // A malformed entry elsewhere still counts as an entry: the count from the right does not shift.
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, garbage, 198.51.100.4, 10.0.0.1'), 2)).toBe('198.51.100.4');
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, 198.51.100.4, garbage'), 2)).toBe('198.51.100.4');
  });

  it('falls back to the socket when the header is missing or too short', () => {
    expect(clientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', ''), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '198.51.100.4'), 2)).toBe('10.0.0.2');
    expect(clientAddress(new Headers(), 0)).toBe('unknown');
  });
});

describe('one address, one spelling', () => {
  it('an IPv4-mapped IPv6 address is its IPv4 address, however it is written', () => {
    for (const spelling of ['203.0.113.7', '::ffff:203.0.113.7', '::FFFF:203.0.113.7', '0:0:0:0:0:ffff:203.0.113.7', '::ffff:cb00:7107', '0000:0000:0000:0000:0000:ffff:cb00:7107']) {
      expect(canonicalAddress(spelling), spelling).toBe('203.0.113.7');
    }
  });

  it('IPv6 is lower-case and zero-compressed (RFC 5952)', () => {
    for (const spelling of ['2001:db8::8', '2001:0db8::8', '2001:db8:0:0::8', '2001:DB8:0000:0000:0000:0000:0000:0008', '2001:db8:0:0:0:0:0:8', '2001:db8::0:8']) {
      expect(canonicalAddress(spelling), spelling).toBe('2001:db8::8');
    }
    // The longest run of zeros is compressed, the first of two equal runs, and never a single zero group.
    expect(canonicalAddress('2001:0:0:1:0:0:0:1')).toBe('2001:0:0:1::1');
    expect(canonicalAddress('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(canonicalAddress('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(canonicalAddress('::1')).toBe('::1');
    expect(canonicalAddress('::')).toBe('::');
    expect(canonicalAddress('fe80::1%eth0')).toBe('fe80::1');
  });

  it('each spelling in X-Forwarded-For, with or without a port, gives the same client', () => {
    for (const entry of ['2001:db8::8', '2001:0db8::8', '2001:db8:0:0::8', '[2001:0db8::8]:443', '[2001:db8:0:0::8]:8443']) {
      expect(forwardedEntryAddress(entry), entry).toBe('2001:db8::8');
    }
    for (const entry of ['198.51.100.4', '198.51.100.4:1234', '::ffff:198.51.100.4', '[::ffff:198.51.100.4]:443', '[0:0:0:0:0:ffff:198.51.100.4]:443']) {
      expect(forwardedEntryAddress(entry), entry).toBe('198.51.100.4');
    }
  });

  it('is not made of text that only looks like an address', () => {
    for (const entry of ['unknown', '', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1::2::3', '[1.2.3.4]', '2001:db8::8:443:1:2:3:4', '_hidden', '1.2.3.4 5.6.7.8']) {
      expect(forwardedEntryAddress(entry), entry).toBeNull();
    }
  });
});

describe('the rate-limit key of a client', () => {
  it('is the address for IPv4', () => {
    expect(rateLimitKey('198.51.100.4', 64)).toBe('198.51.100.4');
  });

  it('is the /64 for IPv6 by default: every address of one subscriber shares one budget', () => {
    const keys = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2:8a2e:370:7334:1'].map((a) => rateLimitKey(a, 64));
    expect(new Set(keys)).toEqual(new Set(['2001:db8:1:2::/64']));
    expect(rateLimitKey('2001:db8:1:3::1', 64)).toBe('2001:db8:1:3::/64');
  });

  it('follows the configured prefix, including one not on a group boundary, and 128 for single addresses', () => {
    expect(rateLimitKey('2001:db8:1:2::1', 48)).toBe('2001:db8:1::/48');
    expect(rateLimitKey('2001:db8:1:2::1', 56)).toBe('2001:db8:1::/56');
    expect(rateLimitKey('2001:db8:1:2ff::1', 56)).toBe('2001:db8:1:200::/56');
    expect(rateLimitKey('2001:db8:1:2::1', 128)).toBe('2001:db8:1:2::1');
  });

  it('is the same for each spelling of an address a proxy writes', () => {
    const config = { trustedProxyCount: 1, rateLimitIpv6Prefix: 64 };
    const keys = ['[2001:0db8::8]:443', '2001:db8:0:0::8', '[2001:db8::9]:80'].map((entry) => clientRateLimitKey(request('10.0.0.2', entry), config));
    expect(new Set(keys)).toEqual(new Set(['2001:db8::/64']));
    expect(clientRateLimitKey(request('::ffff:198.51.100.4'), { trustedProxyCount: 0, rateLimitIpv6Prefix: 64 })).toBe('198.51.100.4');
    expect(clientRateLimitKey(new Headers(), { trustedProxyCount: 0, rateLimitIpv6Prefix: 64 })).toBe('unknown');
  });
});
