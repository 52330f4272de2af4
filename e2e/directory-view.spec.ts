import type { Locator, Page } from '@playwright/test';
import { mockControl } from '../mock/control-client';
import { DEMO } from '../mock/seed';
import { memberHrefFrom, memberPath } from '../lib/admin/member-path';
import { appUrl, expect, test } from './support/fixtures';

/**
 * The directory as people use it: its view lives in the address (back, reload, a shared link),
 * it works from the keyboard alone, and a finger can hit everything on a phone.
 */

/** mock/large-directory.ts: 北京分公司, the first of its regional branches (about 830 members). */
const BEIJING_BRANCH = 1000;
const FRONTEND_TEAM = 5;

const memberIds = (page: Page) => page.getByTestId('member-list').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-userid')));
const treeItem = (page: Page, id: number) => page.locator(`[role="treeitem"][data-department-id="${id}"]`);
const departmentRow = (page: Page, id: number) => page.locator(`[data-testid="department"][data-department-id="${id}"]`);
const focusedDepartment = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-department-id') ?? null);

async function openDirectory(page: Page, mock: { setIdentity(identity: { userid: string }): Promise<unknown> }, variant: 'base' | 'large' = 'base', search = '') {
  await mock.setIdentity({ userid: DEMO.ceo });
  await page.goto(`${appUrl(variant)}/admin${search}`);
  await expect(page.getByTestId('member-list')).toBeVisible({ timeout: variant === 'large' ? 60_000 : 10_000 });
}

test.describe('the address is the directory\'s state', () => {
  test('a filtered view (department, search, page) reloads to the same members, and typing adds no history entries', async ({ page }) => {
    test.setTimeout(90_000);
    const large = mockControl(process.env.E2E_MOCK_URL_large!);
    await large.reset({ keepTokens: true });
    await openDirectory(page, large, 'large');

    await departmentRow(page, BEIJING_BRANCH).click();
    await expect(page).toHaveURL(`${appUrl('large')}/admin?department=${BEIJING_BRANCH}`);
    const entriesBeforeTyping = await page.evaluate(() => history.length);
    await page.getByTestId('member-search').pressSequentially('客户经理', { delay: 40 });
    await expect(page).toHaveURL(`${appUrl('large')}/admin?department=${BEIJING_BRANCH}&q=${encodeURIComponent('客户经理')}`);
    expect(await page.evaluate(() => history.length), 'typing replaces the entry instead of adding one per keystroke').toBe(entriesBeforeTyping);

    await expect(page.getByTestId('pager-position')).toContainText('第 1 /');
    await page.getByTestId('next-page').click();
    await expect(page).toHaveURL(/[?&]page=2$/);
    await expect(page.getByTestId('pager-position')).toContainText('第 2 /');
    const secondPage = await memberIds(page);
    expect(secondPage.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => history.length), 'choosing a page adds one entry').toBe(entriesBeforeTyping + 1);

    await page.reload();
    await expect(page.getByTestId('pager-position')).toContainText('第 2 /');
    expect(await memberIds(page)).toEqual(secondPage);
    await expect(page.getByTestId('member-search')).toHaveValue('客户经理');
    await expect(treeItem(page, BEIJING_BRANCH)).toHaveAttribute('aria-selected', 'true');
  });

  test('Back after choosing a department shows the department before it, Forward the one chosen', async ({ page, mock }) => {
    await openDirectory(page, mock);
    await departmentRow(page, 3).click(); // 技术中心
    await expect(page).toHaveURL(`${appUrl()}/admin?department=3`);
    await expect(page.getByTestId('member-list')).toContainText('王强');
    await departmentRow(page, 14).click(); // 财务部
    await expect(page).toHaveURL(`${appUrl()}/admin?department=14`);
    await expect(page.getByTestId('member-list')).toContainText('蔡琴');
    await expect(page.getByTestId('member-list')).not.toContainText('王强');

    await page.goBack();
    await expect(page).toHaveURL(`${appUrl()}/admin?department=3`);
    await expect(treeItem(page, 3)).toHaveAttribute('aria-selected', 'true');
    await expect(treeItem(page, 14)).toHaveAttribute('aria-selected', 'false');
    await expect(page.getByTestId('member-list')).toContainText('王强');
    await expect(page.getByTestId('member-list')).not.toContainText('蔡琴');

    await page.goBack();
    await expect(page).toHaveURL(`${appUrl()}/admin`);
    await expect(treeItem(page, 1)).toHaveAttribute('aria-selected', 'true');
    await page.goForward();
    await expect(page).toHaveURL(`${appUrl()}/admin?department=3`);
    await expect(treeItem(page, 3)).toHaveAttribute('aria-selected', 'true');
  });

  test('Back restores the search box along with the list', async ({ page, mock }) => {
    await openDirectory(page, mock);
    await page.getByTestId('member-search').fill('grace');
    await expect(page).toHaveURL(`${appUrl()}/admin?q=grace`);
    await expect(page.getByTestId('member-list').locator('li')).toHaveCount(1);
    await departmentRow(page, 14).click(); // 财务部: no Grace there
    await expect(page.getByTestId('no-members')).toBeVisible();
    await page.getByTestId('member-search').fill('');
    await expect(page).toHaveURL(`${appUrl()}/admin?department=14`);
    await page.goBack();
    await expect(page).toHaveURL(`${appUrl()}/admin?q=grace`);
    await expect(page.getByTestId('member-search')).toHaveValue('grace');
    await expect(page.getByTestId('member-list')).toContainText('赵敏');
  });

  test('"back to the directory" from a member returns to the search the admin came from', async ({ page, mock }) => {
    await openDirectory(page, mock, 'base', '?q=grace');
    await page.getByTestId('member-list').getByRole('link').first().click();
    await expect(page.getByTestId('profile')).toBeVisible();
    await page.getByTestId('back-to-directory').click();
    await expect(page).toHaveURL(`${appUrl()}/admin?q=grace`);
    await expect(page.getByTestId('member-search')).toHaveValue('grace');
    await expect(page.getByTestId('member-list').locator('li')).toHaveCount(1);
  });

  test('a link sent to a colleague opens the same view in a fresh browser, through sign-in', async ({ browser, mock }) => {
    const shared = `/admin?department=${FRONTEND_TEAM}&q=${encodeURIComponent('工程师')}&sub=0`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await mock.setIdentity({ userid: DEMO.itLead });
    await page.goto(`${appUrl()}${shared}`);
    await expect(page).toHaveURL(`${appUrl()}${shared}`);
    await expect(treeItem(page, FRONTEND_TEAM)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('member-search')).toHaveValue('工程师');
    await expect(page.getByTestId('include-sub')).not.toBeChecked();
    // 前端组's engineers: 陈杰 yes, its lead 赵敏 (前端组长) no; exactly what the members API says for that view.
    const list = page.getByTestId('member-list');
    await expect(list).toContainText('陈杰');
    await expect(list).not.toContainText('赵敏');
    const expected = await page.request.get(`${appUrl()}/api/admin/members?department=${FRONTEND_TEAM}&children=0&q=${encodeURIComponent('工程师')}`);
    expect(await memberIds(page)).toEqual(((await expected.json()) as { members: { userid: string }[] }).members.map((m) => m.userid));
    await context.close();
  });

  test('the first HTML already shows the department of the address selected and open, before any script runs', async ({ page, mock }) => {
    await openDirectory(page, mock);
    const response = await page.request.get(`${appUrl()}/admin?department=${FRONTEND_TEAM}&q=${encodeURIComponent('陈')}&sub=0`);
    const html = await response.text();
    // 前端组 sits two closed levels down (技术中心 › 平台研发部): only an opened way makes it part of the HTML.
    expect(html).toMatch(new RegExp(`<li[^>]*aria-selected="true"[^>]*data-department-id="${FRONTEND_TEAM}"`));
    expect(html.match(/aria-selected="true"/g)).toHaveLength(1);
    expect(html).toMatch(/data-testid="member-search"[^>]*value="陈"|value="陈"[^>]*data-testid="member-search"/);
    expect(html).toMatch(/type="checkbox"(?![^>]*checked)[^>]*data-testid="include-sub"/);
  });

  test('a page past the end shows the last page, and an address nobody meant reads as the whole company', async ({ page, mock }) => {
    await openDirectory(page, mock, 'base', `?department=${FRONTEND_TEAM}&page=999`);
    await expect(page).toHaveURL(`${appUrl()}/admin?department=${FRONTEND_TEAM}`);
    await expect(page.getByTestId('member-list').locator('li')).toHaveCount(6);

    for (const search of ['?department=999&page=abc&sub=maybe', '?page=0', '?page=-1', '?page=99999999999999999999', '?department=%ZZ']) {
      await page.goto(`${appUrl()}/admin${search}`);
      await expect(page, search).toHaveURL(`${appUrl()}/admin`);
      await expect(treeItem(page, 1)).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('member-list').locator('li')).not.toHaveCount(0);
    }
  });

  test('past the last page of a long list, the list moves to its last page instead of going blank', async ({ page }) => {
    test.setTimeout(90_000);
    const large = mockControl(process.env.E2E_MOCK_URL_large!);
    await large.reset({ keepTokens: true });
    await openDirectory(page, large, 'large', `?department=${BEIJING_BRANCH}&page=500`);
    const position = await page.getByTestId('pager-position').textContent();
    const [, current, last] = /第 (\d+) \/ (\d+) 页/.exec(position ?? '') ?? [];
    expect(current).toBe(last);
    await expect(page).toHaveURL(`${appUrl('large')}/admin?department=${BEIJING_BRANCH}&page=${last}`);
    await expect(page.getByTestId('member-list').locator('li')).not.toHaveCount(0);
  });
});

test.describe('the keyboard alone', () => {
  test('walks the tree with the arrow keys, selects with Enter, and opens a member with Enter', async ({ page, mock }) => {
    await openDirectory(page, mock);
    // One tab stop for the whole tree: Tab from the page's top reaches the selected department.
    for (let i = 0; i < 10 && (await focusedDepartment(page)) === null; i += 1) await page.keyboard.press('Tab');
    expect(await focusedDepartment(page)).toBe('1');
    await expect(page.locator('[role="tree"] [tabindex="0"]')).toHaveCount(1);

    const steps: [string, string][] = [
      ['ArrowDown', '2'], // 总经办
      ['ArrowDown', '3'], // 技术中心, closed
      ['ArrowRight', '3'], // opens it
      ['ArrowRight', '4'], // its first child, 平台研发部
      ['ArrowRight', '4'], // opens it
      ['ArrowRight', '5'], // 前端组
      ['ArrowDown', '6'], // 后端组
      ['ArrowUp', '5'],
      ['ArrowLeft', '4'], // a closed or childless item: Left goes to the parent
    ];
    for (const [key, expected] of steps) {
      await page.keyboard.press(key);
      expect(await focusedDepartment(page), `after ${key}`).toBe(expected);
    }
    await expect(treeItem(page, 3)).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowLeft'); // an open item: Left closes it
    await expect(treeItem(page, 4)).toHaveAttribute('aria-expanded', 'false');
    expect(await focusedDepartment(page)).toBe('4');
    await page.keyboard.press('End');
    const last = await focusedDepartment(page);
    expect(last).not.toBe('4');
    await page.keyboard.press('Home');
    expect(await focusedDepartment(page)).toBe('1');
    await page.keyboard.press('End');
    expect(await focusedDepartment(page)).toBe(last);

    // Down to 前端组 again, and Enter chooses it.
    await page.keyboard.press('Home');
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
    expect(await focusedDepartment(page)).toBe('5');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${appUrl()}/admin?department=${FRONTEND_TEAM}`);
    await expect(treeItem(page, FRONTEND_TEAM)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('member-list').locator('li')).toHaveCount(6);
    await page.screenshot({ path: 'test-results/screenshots/directory-keyboard-focus-desktop.png' });

    // Space selects too; Shift+Tab and Tab come back to the same item (the roving tab stop).
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press(' ');
    await expect(page).toHaveURL(`${appUrl()}/admin?department=4`);
    await page.keyboard.press('Tab');
    expect(await focusedDepartment(page)).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect(await focusedDepartment(page)).toBe('4');

    // On to the members: every row is a link on the Tab path, and Enter opens it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${appUrl()}/admin?department=${FRONTEND_TEAM}`);
    const first = page.getByTestId('member-list').locator('li').first();
    const firstUserid = await first.getAttribute('data-userid');
    for (let i = 0; i < 10 && !(await first.locator('a').evaluate((a) => a === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    await expect(first.locator('a')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('member-list').locator('li').nth(1).locator('a')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${appUrl()}${memberHrefFrom(firstUserid!, `/admin?department=${FRONTEND_TEAM}`)}`);
    await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', firstUserid!);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`in ${colorScheme} mode`, () => {
      test.use({ colorScheme });

      test('keyboard focus is a visible ring with at least 3:1 contrast against what surrounds it', async ({ page, mock }) => {
        await openDirectory(page, mock, 'base', `?department=${FRONTEND_TEAM}`);
        const ring = async (target: Locator, name: string, outlined: Locator = target) => {
          const found = await outlined.evaluate((element) => {
            const style = getComputedStyle(element);
            // The colour behind the ring: the first ancestor (or the element, for an inset ring) with a background.
            let behind: Element | null = parseFloat(style.outlineOffset) < 0 ? element : element.parentElement;
            let background = 'rgba(0, 0, 0, 0)';
            for (; behind; behind = behind.parentElement) {
              background = getComputedStyle(behind).backgroundColor;
              if (!/rgba\(.*, 0\)$/.test(background) && background !== 'transparent') break;
            }
            return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor, background };
          });
          expect(found.style, name).toBe('solid');
          expect(found.width, name).toBeGreaterThanOrEqual(2);
          expect(contrast(found.color, found.background), `${name}: ${found.color} on ${found.background}`).toBeGreaterThanOrEqual(3);
        };

        for (let i = 0; i < 10 && (await focusedDepartment(page)) === null; i += 1) await page.keyboard.press('Tab');
        // The selected department (on the tinted row) and the one below it.
        await ring(treeItem(page, FRONTEND_TEAM), 'selected department', departmentRow(page, FRONTEND_TEAM));
        await page.keyboard.press('ArrowDown');
        await ring(treeItem(page, 6), 'department', departmentRow(page, 6));
        await page.keyboard.press('Tab');
        await expect(page.getByTestId('member-search')).toBeFocused();
        await ring(page.getByTestId('member-search'), 'search box');
        await page.keyboard.press('Tab');
        await ring(page.getByTestId('include-sub'), 'sub-department switch');
        await page.keyboard.press('Tab');
        await ring(page.getByTestId('refresh'), 'refresh button');
        await page.keyboard.press('Tab');
        const row = page.getByTestId('member-list').locator('a').first();
        await expect(row).toBeFocused();
        await ring(row, 'member row');
      });
    });
  }
});

test.describe('at phone width (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('every interactive element on the directory, a member page and the profile is at least 44 x 44 px', async ({ page, mock }) => {
    await openDirectory(page, mock);
    await page.getByTestId('open-departments').click();
    await expect(page.getByTestId('department-tree')).toBeVisible();
    // Open every branch, so every department row is measured.
    const closed = page.locator('[role="treeitem"][aria-expanded="false"]');
    while (await closed.count()) await closed.first().locator(':scope > .tree-row [data-testid="department-toggle"]').click();
    await page.screenshot({ path: 'test-results/screenshots/directory-drawer-phone.png' });
    expect(await smallTargets(page), '/admin with the tree open').toEqual([]);
    await page.getByTestId('open-departments').click();
    expect(await smallTargets(page), '/admin').toEqual([]);

    await page.goto(`${appUrl()}${memberPath(DEMO.withAt)}`);
    await expect(page.getByTestId('profile')).toBeVisible();
    expect(await smallTargets(page), 'a member page').toEqual([]);

    await page.goto(`${appUrl()}/`);
    await expect(page.getByTestId('profile')).toBeVisible();
    expect(await smallTargets(page), '/').toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/profile-targets-phone.png', fullPage: true });
  });

  test('the pager\'s buttons and page field are at least 44 x 44 px too', async ({ page }) => {
    test.setTimeout(90_000);
    const large = mockControl(process.env.E2E_MOCK_URL_large!);
    await large.reset({ keepTokens: true });
    await openDirectory(page, large, 'large', '?page=2');
    await expect(page.getByTestId('pager-position')).toContainText('第 2 /');
    expect(await smallTargets(page), '/admin?page=2').toEqual([]);
    await page.getByTestId('next-page').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/directory-pager-phone.png' });
  });
});

/**
 * Every visible interactive element smaller than 44 x 44 px, described. What is measured is what a
 * finger hits: a tree item's own row (the item also holds its sub-tree), and for a checkbox inside
 * a label the label (a tap anywhere on it toggles the box). Inline text links inside a sentence are
 * excepted, as WCAG's target-size rules except them: a link in running text cannot be 44 px tall
 * without breaking the lines around it. A paragraph holding nothing but its link is not running
 * text, so that link is measured.
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="treeitem"], [tabindex]:not([tabindex="-1"])';
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.getClientRects().length === 0) continue; // not rendered (a closed drawer, a hidden control)
      const paragraph = element.parentElement?.closest('p');
      if (element.tagName === 'A' && paragraph && paragraph.textContent?.trim() !== element.textContent?.trim()) continue;
      const target =
        element.getAttribute('role') === 'treeitem'
          ? element.querySelector<HTMLElement>(':scope > .tree-row')!
          : element.tagName === 'INPUT' && element.closest('label')
            ? element.closest('label')!
            : element;
      const { width, height } = target.getBoundingClientRect();
      if (width < 44 || height < 44) {
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30) || element.getAttribute('data-testid') || element.tagName;
        small.push(`${element.tagName.toLowerCase()} "${name}": ${Math.round(width)} x ${Math.round(height)}`);
      }
    }
    return small;
  });
}

/** WCAG's contrast ratio of two computed CSS colours (rgb() or rgba(); alpha is ignored). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
