import { describe, expect, it } from 'vitest';
import { canonicalIp } from '@/mock/ip-address';
import { formatErrmsg } from '@/mock/qyapi/wire';

describe('IP addresses as WeCom compares and names them', () => {
  it('reads an IPv4 caller on a dual-stack socket as plain IPv4', () => {
    expect(canonicalIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(canonicalIp('::ffff:7f00:1')).toBe('127.0.0.1');
  });

  it('spells every IPv6 address one way, however it was written', () => {
    expect(canonicalIp('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(canonicalIp('2001:DB8:0:0::1')).toBe('2001:db8::1');
    expect(canonicalIp(' 203.0.113.7 ')).toBe('203.0.113.7');
  });

  it('refuses what is not a single address: names, ranges, zones, leading zeros', () => {
    for (const text of ['localhost', '10.0.0.0/8', 'fe80::1%eth0', '010.0.0.1', '1.2.3', '']) {
      expect(canonicalIp(text), text).toBeUndefined();
    }
  });

  it("names the caller's address in errmsg, not a fixed one", () => {
    expect(formatErrmsg(60020, 1_700_000_000, '203.0.113.7')).toMatch(
      /^not allow to access from your ip, hint: \[1700000000_\d+_[0-9a-f]{32}\], from ip: 203\.0\.113\.7, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=60020$/,
    );
  });
});
