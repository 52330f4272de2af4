import { CONTRACTORS_DEPARTMENT_ID } from '../mock/seed';
import { appUrl, expect, test } from './support/fixtures';
import type { MemberChange } from '../mock/control-client';
import { bearerToken, callMe, signedInBrowser } from './support/sign-in';

// The `offboarding` instance has no event callback and caches WeCom's answers for 2 s: what
// WeCom says reaches it only by asking again once that cache expires.
const CACHE_SECONDS = 2;
const WITHIN_CACHE_LIFETIME = { timeout: (CACHE_SECONDS + 1.5) * 1000, intervals: [250] };

const offboardings: { what: string; userid: string; change: MemberChange | 'delete'; reason: string; page: { testId: string; says: string } }[] = [
  { what: 'disabled (status 2)', userid: 'luodan', change: { status: 2 }, reason: 'disabled', page: { testId: 'member-inactive', says: '你的账号已停用' } },
  { what: 'left the company (status 5)', userid: 'fengyu', change: { status: 5 }, reason: 'left', page: { testId: 'member-inactive', says: '你已离开企业' } },
  { what: 'deleted (60111)', userid: 'liangchen', change: 'delete', reason: 'deleted', page: { testId: 'member-inactive', says: '通讯录里没有你的账号' } },
  {
    what: 'moved outside the visible range (60011)',
    userid: 'shenjia',
    change: { department: [CONTRACTORS_DEPARTMENT_ID] },
    reason: 'not_visible',
    page: { testId: 'login-not-visible', says: '可见范围' },
  },
];

test.describe('offboarding without events', () => {
  for (const { what, userid, change, reason, page } of offboardings) {
    test(`a member ${what} loses page, cookie API and bearer within DATA_CACHE_SECONDS`, async ({ browser, request, mock }) => {
      const session = await signedInBrowser(browser, mock, userid, 'offboarding');
      const token = await bearerToken(request, mock, userid, 'offboarding');
      if (change === 'delete') await mock.deleteMember(userid);
      else await mock.updateMember(userid, change);

      await expect.poll(async () => (await callMe(request, 'offboarding', { cookie: session.cookie })).status(), WITHIN_CACHE_LIFETIME).toBe(403);
      const answer = await callMe(request, 'offboarding', { bearer: token });
      expect(answer.status()).toBe(403);
      expect(await answer.json()).toMatchObject({ error: 'member_inactive', reason });

      const response = await session.page.reload();
      expect(response?.status()).toBe(403);
      // The page says this reason, not another one.
      await expect(session.page.getByTestId(page.testId)).toContainText(page.says);
      // One explanation, not a retry loop: the page stays put.
      const url = session.page.url();
      await session.page.waitForTimeout(500);
      expect(session.page.url()).toBe(url);
      await session.context.close();
    });
  }

  test('admin rights need an active member: a disabled admin by userid gets 403 from the admin API', async ({ browser, request, mock }) => {
    const session = await signedInBrowser(browser, mock, 'xie.ting', 'offboarding');
    const admin = () =>
      request.get(`${appUrl('offboarding')}/api/admin/departments`, { headers: { cookie: `wecom_portal_session=${session.cookie}` }, maxRedirects: 0 });
    expect((await admin()).status()).toBe(200);
    await mock.updateMember('xie.ting', { status: 2 });
    await expect.poll(async () => (await admin()).status(), WITHIN_CACHE_LIFETIME).toBe(403);
    expect(await (await admin()).json()).toMatchObject({ error: 'member_inactive' });
    await session.context.close();
  });
});
