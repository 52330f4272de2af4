import { DEMO } from '../mock/seed';
import { WECOM_PHONE_UA, appUrl, expect, test } from './support/fixtures';

test.use({ userAgent: WECOM_PHONE_UA });

for (const path of ['/admin/members/%ZZ', '/admin/members/%E0%A4%A', '/admin/members/li-na/%']) {
  test(`malformed percent-encoding (${path}) gets a 400 page for a signed-in admin, not a 500`, async ({ page, mock }) => {
    await mock.setIdentity({ userid: DEMO.ceo });
    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile-name')).toBeVisible();
    const response = await page.request.get(`${appUrl()}${path}`, { maxRedirects: 0 });
    expect(response.status()).toBe(400);
    const html = await response.text();
    expect(html).toContain('data-testid="bad-path"');
    expect(html).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const api = await page.request.get(`${appUrl()}/api/admin/members/${path.split('/').pop()}`, { maxRedirects: 0 });
    expect(api.status()).toBe(400);
    expect(await api.json()).toMatchObject({ error: 'bad_path' });
  });
}

test('a deep link far over 4 KB signs in all the same, and the page says the link was shortened', async ({ page, context, mock }) => {
  await mock.setIdentity({ userid: DEMO.ceo });
  const longLink = `${appUrl()}/admin?q=${encodeURIComponent('长'.repeat(400))}&department=1`;
  expect(longLink.length).toBeGreaterThan(2800);
  const cookieSizes: number[] = [];
  page.on('response', async (response) => {
    for (const header of (await response.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie')) cookieSizes.push(header.value.length);
  });
  await page.goto(longLink);
  await expect(page.getByTestId('link-shortened')).toBeVisible();
  expect(Math.max(...cookieSizes)).toBeLessThan(4096);
  await page.getByTestId('auth-action').click();
  await expect(page).toHaveURL(`${appUrl()}/admin`);
  await expect(page.getByTestId('member-list')).toBeVisible();
  expect((await context.cookies()).some((c) => c.name === 'wecom_portal_session')).toBe(true);
});
