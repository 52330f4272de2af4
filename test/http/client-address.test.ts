import { describe, expect, it } from 'vitest';
import { SOCKET_ADDRESS_HEADER, clientAddress } from '@/lib/http/client-address';

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

  it('falls back to the socket when the header is missing, too short or not an address', () => {
    expect(clientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '198.51.100.4'), 2)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '<script>'), 1)).toBe('10.0.0.2');
    expect(clientAddress(new Headers(), 0)).toBe('unknown');
  });
});
