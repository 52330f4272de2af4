import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MOCK_CORP_ID } from '@/mock/credentials';
import { PORTAL, startTestMock, type TestMock } from './support';

let t: TestMock;
beforeAll(async () => {
  t = await startTestMock();
});
afterAll(() => t.mock.close());
beforeEach(() => t.control('POST', 'reset'));

/** Seconds between WeCom's Date header and this process's clock. */
async function dateSkewSeconds(path: string): Promise<number> {
  const res = await fetch(`${t.url}${path}`);
  return (Date.parse(res.headers.get('date')!) - Date.now()) / 1000;
}

const GETTOKEN = `/cgi-bin/gettoken?corpid=${MOCK_CORP_ID}&corpsecret=${PORTAL.secret}`;

describe("WeCom's Date header", () => {
  it('follows the mock clock: advancing it 120 s puts WeCom 120 s ahead', async () => {
    expect(Math.abs(await dateSkewSeconds(GETTOKEN))).toBeLessThan(2);
    await t.control('POST', 'clock', { advanceSeconds: 120 });
    expect(await dateSkewSeconds(GETTOKEN)).toBeGreaterThan(118);
    expect(await dateSkewSeconds(GETTOKEN)).toBeLessThan(122);
  });

  it('is on error answers, planned faults and unknown paths too', async () => {
    await t.control('POST', 'clock', { advanceSeconds: -600 });
    await t.control('POST', 'faults', { path: '/cgi-bin/user/get', status: 502 });
    for (const path of ['/cgi-bin/user/get?access_token=nope&userid=x', '/cgi-bin/user/get', '/cgi-bin/no/such/api']) {
      const skew = await dateSkewSeconds(path);
      expect(skew, path).toBeLessThan(-598);
      expect(skew, path).toBeGreaterThan(-602);
    }
  });

  it('is an HTTP date (RFC 7231), whole seconds in GMT', async () => {
    const res = await fetch(`${t.url}${GETTOKEN}`);
    expect(res.headers.get('date')).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });
});
