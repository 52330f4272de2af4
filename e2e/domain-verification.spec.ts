import { DOMAIN_FILE } from './support/domain-file';
import { appUrl, expect, test } from './support/fixtures';

test.describe("WeCom's domain-ownership file, from WECOM_DOMAIN_VERIFICATION", () => {
  test('is served at the root with exactly its content as text/plain, without a session', async ({ request }) => {
    const response = await request.get(`${appUrl()}/${DOMAIN_FILE.name}`, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    expect(await response.text()).toBe(DOMAIN_FILE.content);
  });

  test('any other WW_verify_ name is a 404, never a sign-in', async ({ request }) => {
    for (const name of ['WW_verify_Other123.txt', 'WW_verify_Ab12cd34Ef56gh78', 'WW_verify_x.txt.bak']) {
      const response = await request.get(`${appUrl()}/${name}`, { maxRedirects: 0 });
      expect(response.status(), name).toBe(404);
      expect(response.headers()['location'], name).toBeUndefined();
    }
  });
});
