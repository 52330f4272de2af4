import { describe, expect, it } from 'vitest';
import { MOCK_CORP_ID } from '@/mock/credentials';
import { PORTAL, useTestMock } from './support';

const t = useTestMock();

/**
 * Checks that WeCom's Date header reads the local clock moved by `offsetSeconds`. Bounds, not a
 * tolerance: the header was written between the request and the answer, and holds whole seconds.
 */
async function expectWeComDate(path: string, offsetSeconds: number): Promise<void> {
  const before = Date.now() + offsetSeconds * 1000;
  const res = await fetch(`${t.url}${path}`);
  const after = Date.now() + offsetSeconds * 1000;
  const date = Date.parse(res.headers.get('date') ?? '');
  expect(date, path).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  expect(date, path).toBeLessThanOrEqual(after);
}

const GETTOKEN = `/cgi-bin/gettoken?corpid=${MOCK_CORP_ID}&corpsecret=${PORTAL.secret}`;

describe("WeCom's Date header", () => {
  it('follows the mock clock: advancing it 120 s puts WeCom 120 s ahead', async () => {
    await expectWeComDate(GETTOKEN, 0);
    await t.control('POST', 'clock', { advanceSeconds: 120 });
    await expectWeComDate(GETTOKEN, 120);
  });

  it('is on error answers, planned faults and unknown paths too', async () => {
    await t.control('POST', 'clock', { advanceSeconds: -600 });
    await t.control('POST', 'faults', { path: '/cgi-bin/user/get', status: 502 });
    for (const path of ['/cgi-bin/user/get?access_token=nope&userid=x', '/cgi-bin/user/get', '/cgi-bin/no/such/api']) {
      await expectWeComDate(path, -600);
    }
  });

  it('is an HTTP date (RFC 7231), whole seconds in GMT', async () => {
    const res = await fetch(`${t.url}${GETTOKEN}`);
    expect(res.headers.get('date')).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });
});
