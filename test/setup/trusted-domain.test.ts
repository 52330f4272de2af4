import { describe, expect, it } from 'vitest';
import { trustedDomainMatches } from '@/lib/setup/trusted-domain';
import { callerIpFromErrmsg } from '@/lib/wecom/errors';

describe('a trusted domain (可信域名) against APP_URL, as WeCom matches redirect_uri', () => {
  it.each([
    ['portal.example.com', 'https://portal.example.com', true],
    ['Portal.Example.com', 'https://portal.example.com', true],
    ['portal.example.com', 'https://portal.example.com:8443', true],
    ['portal.example.com:8443', 'https://portal.example.com:8443', true],
    ['portal.example.com:443', 'https://portal.example.com', true],
    ['portal.example.com:80', 'https://portal.example.com', false],
    ['portal.example.com:8443', 'https://portal.example.com', false],
    ['example.com', 'https://portal.example.com', false],
    ['portal.example.com.evil.test', 'https://portal.example.com', false],
    ['https://portal.example.com/', 'https://portal.example.com', true],
    ['', 'https://portal.example.com', false],
  ])('%s for %s: %s', (domain, appUrl, matches) => {
    expect(trustedDomainMatches(domain, appUrl)).toBe(matches);
  });
});

describe('the address WeCom saw, read from its errmsg', () => {
  it('reads IPv4 and IPv6 after "from ip:"', () => {
    expect(callerIpFromErrmsg('not allow to access from your ip, hint: [1706848717432011565347844], from ip: 139.227.20.128, more info at https://open.work.weixin.qq.com/devtool/query?e=60020')).toBe('139.227.20.128');
    expect(callerIpFromErrmsg('not allow to access from your ip, hint: [x], from ip: 2001:db8::9, more info at …')).toBe('2001:db8::9');
  });

  it('keeps nothing that is not a well-formed address', () => {
    for (const errmsg of ['from ip: 999.1.1.1, more', 'from ip: <script>', 'invalid code, hint: [x]', 42, undefined, 'from ip: 1.2.3']) {
      expect(callerIpFromErrmsg(errmsg)).toBeUndefined();
    }
  });
});
