import { sealData, unsealData } from 'iron-session';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from '@/lib/auth/iron-seal';

const secret = 'a-test-session-secret-of-at-least-32-characters';
const data = { sid: 'sid-0123456789abcdef', userid: '陈杰@hq', signedInAt: 1_790_000_000_000, via: 'browser' };

describe('iron seals made with node:crypto', () => {
  it('a cookie issued by iron-session before the switch still opens (a rolling deploy signs no one out)', async () => {
    const issued = await sealData(data, { password: secret, ttl: 3600 });
    expect(unseal(issued, secret)).toEqual(data);
  });

  it('a seal of ours opens with iron-session, so the format is iron-session 8 byte for byte', async () => {
    expect(await unsealData(seal(data, secret, 3600), { password: secret, ttl: 3600 })).toEqual(data);
  });

  it('every seal is fresh: new salts and IV each time, never the same string for the same data', () => {
    expect(seal(data, secret, 3600)).not.toBe(seal(data, secret, 3600));
  });

  it('a seal altered anywhere, or made with another secret, does not open', () => {
    const sealed = seal(data, secret, 3600);
    const parts = sealed.slice(0, -2).split('*');
    for (const index of [2, 3, 4, 5, 6, 7]) {
      const altered = [...parts];
      altered[index] = altered[index].slice(0, -1) + (altered[index].endsWith('A') ? 'B' : 'A');
      expect(unseal(`${altered.join('*')}~2`, secret), `part ${index}`).toBeUndefined();
    }
    expect(unseal(sealed, 'another-secret-that-is-also-32-characters-long')).toBeUndefined();
    expect(unseal(sealed.slice(0, -2), secret)).toBeUndefined();
    expect(unseal('Fe26.2*1*a*b*c**d*e~2', secret)).toBeUndefined();
  });

  it('a seal opens until a minute past its expiry, as iron allows for clock skew, and not after', () => {
    const now = 1_790_000_000_000;
    const sealed = seal(data, secret, 60, now);
    expect(unseal(sealed, secret, now + 60_000 + 59_000)).toEqual(data);
    expect(unseal(sealed, secret, now + 60_000 + 60_000)).toBeUndefined();
  });
});
