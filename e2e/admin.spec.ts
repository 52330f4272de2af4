import type { Page } from '@playwright/test';
import { mockControl } from '../mock/control-client';
import { CONTRACTORS_DEPARTMENT_ID, DEMO, SEED_MEMBERS } from '../mock/seed';
import { appUrl, expect, test } from './support/fixtures';
import { memberPath } from '../lib/admin/member-path';

/** 外包供应商 and the department below it are outside the app's visible range. */
const isOutsideRange = (member: (typeof SEED_MEMBERS)[number]) => member.department.some((d) => d >= CONTRACTORS_DEPARTMENT_ID);

/** Opens the tree down to a department, the way an admin clicks through it. */
async function openDepartment(page: Page, path: string[]) {
  const row = (name: string) => page.getByTestId('department').filter({ hasText: name }).first();
  for (const name of path.slice(0, -1)) {
    // The row's tree item (its parent) says whether the branch is open.
    if ((await row(name).locator('xpath=..').getAttribute('aria-expanded')) === 'false') await row(name).getByTestId('department-toggle').click();
  }
  await row(path[path.length - 1]).click();
}

async function signIn(page: Page, userid: string, app = appUrl()) {
  await page.goto(`${app}/`);
  await page.locator(`[data-userid="${userid}"]`).first().click();
  await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', userid);
}

test.describe('admins', () => {
  test('an admin walks the tree, opens a member, then that member\'s leader', async ({ page, mock }) => {
    void mock;
    await signIn(page, DEMO.ceo);
    await page.getByTestId('nav-admin').click();
    await expect(page).toHaveURL(`${appUrl()}/admin`);
    await expect(page.getByTestId('member-total')).toContainText(/\d+ 名成员/);

    await openDepartment(page, ['技术中心', '平台研发部', '前端组']);
    const list = page.getByTestId('member-list');
    await expect(list.locator('li')).toHaveCount(6);
    await expect(list).toContainText('陈杰');
    await expect(list.locator(`li[data-userid="${DEMO.inactive}"] .badge`)).toHaveText('未激活');

    await list.getByRole('link', { name: '陈杰' }).click();
    // The member's address remembers the view it was opened from, for "back to the directory".
    await expect(page).toHaveURL(new RegExp(`^${appUrl()}/admin/members/chen\\.jie%40hq\\?back=department%3D5`));
    await expect(page.getByTestId('profile-name')).toHaveText('陈杰');
    await page.getByTestId('profile-leaders').getByRole('link', { name: '赵敏' }).click();
    await expect(page.getByTestId('profile-name')).toHaveText('赵敏');
    await expect(page.getByTestId('profile-departments')).toContainText('前端组 · 负责人');
  });

  test('the sub-department switch narrows a department to its direct members', async ({ page, mock }) => {
    void mock;
    await signIn(page, DEMO.ceo);
    await page.goto(`${appUrl()}/admin`);
    await openDepartment(page, ['技术中心', '平台研发部']);
    const total = page.getByTestId('member-total');
    await expect(total).not.toHaveText('1 名成员');
    const withChildren = await total.textContent();
    await page.getByTestId('include-sub').uncheck();
    await expect(total).not.toHaveText(withChildren!);
    await expect(page.getByTestId('member-list')).toContainText('刘洋');
  });

  test('search finds members by name and by alias', async ({ page, mock }) => {
    void mock;
    await signIn(page, DEMO.ceo);
    await page.goto(`${appUrl()}/admin`);
    await page.getByTestId('member-search').fill('何静');
    await expect(page.getByTestId('member-list').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('member-list')).toContainText(DEMO.engineer);
    await page.getByTestId('member-search').fill('grace');
    await expect(page.getByTestId('member-list').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('member-list')).toContainText('赵敏');
    await page.getByTestId('member-search').fill('前端工程师');
    await expect(page.getByTestId('member-list').locator('li')).not.toHaveCount(0);
    await page.screenshot({ path: 'test-results/screenshots/admin-search-desktop.png' });
  });

  test('search takes pinyin and initials, and offers the whole company when a department has no match', async ({ page, mock }) => {
    void mock;
    await signIn(page, DEMO.ceo);
    await page.goto(`${appUrl()}/admin`);
    for (const typed of ['wangf', 'wf']) {
      await page.getByTestId('member-search').fill(typed);
      await expect(page.getByTestId('member-list').locator(`li[data-userid="${DEMO.withDash}"]`)).toBeVisible();
    }
    // Cathy (蔡琴) is in 财务部, not in 人力行政部: one sentence says so, and one click searches everywhere.
    await page.getByTestId('member-search').fill('');
    await openDepartment(page, ['人力行政部']);
    await page.getByTestId('member-search').fill('Cathy');
    await expect(page.getByTestId('no-members')).toBeVisible();
    await expect(page.getByTestId('member-total')).toHaveCount(0);
    await page.getByTestId('search-everywhere').click();
    await expect(page.getByTestId('member-list')).toContainText('蔡琴');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('the department tree is a drawer: the list is on screen first, the tree opens on demand and closes on a choice', async ({ page, mock }) => {
      void mock;
      await signIn(page, DEMO.ceo);
      await page.goto(`${appUrl()}/admin`);
      await expect(page.getByTestId('member-list')).toBeInViewport();
      await expect(page.getByTestId('department-tree')).toBeHidden();
      await page.getByTestId('open-departments').click();
      await expect(page.getByTestId('department-tree')).toBeVisible();
      await page.screenshot({ path: 'test-results/screenshots/admin-drawer-phone.png' });
      await openDepartment(page, ['财务部']);
      await expect(page.getByTestId('department-tree')).toBeHidden();
      await expect(page.getByTestId('member-list')).toContainText('蔡琴');
      await page.screenshot({ path: 'test-results/screenshots/admin-phone.png' });
    });
  });

  test('on a desktop the tree stands beside the list in the wide column, with no drawer button', async ({ page, mock }) => {
    void mock;
    await signIn(page, DEMO.ceo);
    await page.goto(`${appUrl()}/admin`);
    await expect(page.getByTestId('member-list')).toBeVisible();
    await expect(page.getByTestId('open-departments')).toBeHidden();
    const tree = (await page.getByTestId('department-tree').boundingBox())!;
    const list = (await page.getByTestId('member-list').boundingBox())!;
    expect(tree.x + tree.width).toBeLessThanOrEqual(list.x);
    expect(Math.abs(tree.y - list.y)).toBeLessThan(200);
    // The wide column (.page-wide over .page): more than the profile's 720 px.
    expect((await page.locator('main').boundingBox())!.width).toBeGreaterThan(900);
  });

  test('members of the WeCom admin tag get in too', async ({ page, mock }) => {
    void mock;
    await signIn(page, DEMO.itLead);
    await page.goto(`${appUrl()}/admin`);
    await expect(page.getByTestId('member-list')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/admin-desktop.png', fullPage: true });
  });

  test('members with @ in the userid and the linked-corp member open', async ({ page, mock }) => {
    void mock;
    await signIn(page, DEMO.ceo);
    for (const userid of [DEMO.withAt, DEMO.linkedCorp, DEMO.withDot, DEMO.withDash, DEMO.withUnderscore]) {
      await page.goto(`${appUrl()}${memberPath(userid)}`);
      await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', userid);
    }
  });

  test('the profile of every seeded member opens, outside-range members say so with a 403', async ({ page, mock }) => {
    void mock;
    await signIn(page, DEMO.ceo);
    for (const member of SEED_MEMBERS) {
      const response = await page.request.get(`${appUrl()}${memberPath(member.userid)}`, { maxRedirects: 0 });
      expect(response.status(), member.userid).toBe(isOutsideRange(member) ? 403 : 200);
      const html = await response.text();
      if (isOutsideRange(member)) expect(html, member.userid).toContain('data-testid="not-visible"');
      else expect(html, member.userid).toContain(member.name);
    }
  });

  test('unknown userids get the not-found page, malformed ones a clear page with a 400', async ({ page, mock }) => {
    void mock;
    await signIn(page, DEMO.ceo);
    const unknown = await page.goto(`${appUrl()}/admin/members/no.such.person`);
    expect(unknown?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toBeVisible();
    const malformed = await page.goto(`${appUrl()}/admin/members/${encodeURIComponent('bad id<script>')}`);
    expect(malformed?.status()).toBe(400);
    await expect(page.getByTestId('bad-userid')).toBeVisible();
  });

  test('refresh reads the directory from WeCom again', async ({ page, mock }) => {
    await signIn(page, DEMO.ceo);
    await page.goto(`${appUrl()}/admin`);
    await expect(page.getByTestId('member-list')).toBeVisible();
    await mock.resetCounters();
    await page.getByTestId('refresh').click();
    await expect(page.getByTestId('refresh')).toBeEnabled();
    await expect.poll(async () => (await mock.counters())['/cgi-bin/department/list'] ?? 0).toBeGreaterThanOrEqual(1);
  });

  test('a refresh WeCom fails keeps the directory on screen and says what failed', async ({ page, mock }) => {
    await signIn(page, DEMO.ceo);
    await page.goto(`${appUrl()}/admin`);
    await expect(page.getByTestId('member-list')).toBeVisible();
    await mock.fault({ path: '/cgi-bin/department/list', errcode: -1, times: 10 });
    await page.getByTestId('refresh').click();
    await expect(page.getByTestId('refresh-failed')).toContainText('errcode -1');
    await expect(page.getByTestId('member-list').locator('li')).not.toHaveCount(0);
    await mock.clearFaults();
  });

  test('bad query parameters get a 400 JSON answer', async ({ page, mock }) => {
    void mock;
    await signIn(page, DEMO.ceo);
    for (const query of ['department=abc', 'limit=100000', `q=${'x'.repeat(65)}`, 'children=maybe', 'offset=-1']) {
      const response = await page.request.get(`${appUrl()}/api/admin/members?${query}`);
      expect(response.status(), query).toBe(400);
      expect((await response.json()).error).toBe('invalid_request');
    }
  });
});

test.describe('non-admins', () => {
  test('get the 403 page with a way back, a 403 from the API, and no admin link', async ({ page, mock }) => {
    void mock;
    await signIn(page, DEMO.withDot);
    await expect(page.getByTestId('nav-admin')).toHaveCount(0);
    const response = await page.goto(`${appUrl()}/admin`);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId('forbidden')).toContainText('仅供应用管理员使用');
    const member = await page.goto(`${appUrl()}${memberPath(DEMO.ceo)}`);
    expect(member?.status()).toBe(403);

    for (const path of ['/api/admin/members', '/api/admin/departments']) {
      const api = await page.request.get(`${appUrl()}${path}`);
      expect(api.status(), path).toBe(403);
      expect(await api.json()).toMatchObject({ error: 'forbidden' });
    }
    const refresh = await page.request.post(`${appUrl()}/api/admin/refresh`, { headers: { origin: appUrl() } });
    expect(refresh.status()).toBe(403);

    await page.getByRole('link', { name: '返回我的资料' }).click();
    await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', DEMO.withDot);
  });

  test('the admin API without a session answers 401', async ({ request }) => {
    const response = await request.get(`${appUrl()}/api/admin/members`, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
  });
});

test.describe('a 20,000-member directory', () => {
  test('loads, pages and searches', async ({ page }) => {
    test.setTimeout(90_000);
    const large = mockControl(process.env.E2E_MOCK_URL_large!);
    await large.reset({ keepTokens: true });
    await large.setIdentity({ userid: DEMO.ceo });
    // Everyone the mock generated except the members outside the app's visible range.
    const directory = await (await fetch(`${process.env.E2E_MOCK_URL_large}/__mock/directory`)).json();
    expect(directory.totalMembers).toBe(20000);
    const outsideRange = SEED_MEMBERS.filter(isOutsideRange).length;
    await page.goto(`${appUrl('large')}/admin`);
    await expect(page.getByTestId('member-total')).toHaveText(`${20000 - outsideRange} 名成员`, { timeout: 60_000 });
    await expect(page.getByTestId('member-list').locator('li')).toHaveCount(50);
    await expect(page.getByTestId('pager-position')).toHaveText(`第 1 / ${Math.ceil((20000 - outsideRange) / 50)} 页`);
    // "Next" from the bottom of the page: the new page starts at its top.
    await page.getByTestId('next-page').scrollIntoViewIfNeeded();
    await page.getByTestId('next-page').click();
    await expect(page.getByTestId('pager-position')).toContainText('第 2 /');
    await expect.poll(() => page.getByTestId('member-list').locator('li').first().evaluate((li) => li.getBoundingClientRect().top)).toBeLessThan(400);
    // Any page, by its number.
    await page.getByTestId('page-jump').fill('237');
    await page.getByTestId('page-jump').press('Enter');
    await expect(page.getByTestId('pager-position')).toContainText('第 237 /');
    await expect(page.getByTestId('member-list').locator('li')).toHaveCount(50);
    await page.screenshot({ path: 'test-results/screenshots/admin-large-desktop.png' });

    await page.getByTestId('member-search').fill('何静');
    await expect(page.getByTestId('member-list')).toContainText(DEMO.engineer);
  });
});
