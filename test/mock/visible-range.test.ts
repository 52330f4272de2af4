import { beforeEach, describe, expect, it } from 'vitest';
import { parseMockEnv } from '@/mock/cli-env';
import { mockControl } from '@/mock/control-client';
import { buildDirectory } from '@/mock/directory';
import { CONTRACTORS_DEPARTMENT_ID, DEMO, SEED_VISIBLE_DEPARTMENT_ROOTS } from '@/mock/seed';
import { startMockWeCom } from '@/mock/server';
import { useTestMock, startTestMock } from './support';

const FINANCE = 14;
const FINANCE_LEAD = 'caiqin';
const NEW_STAFF_TAG = 2; // 新员工: wuhao, zhengshuang, xuqing
const CONTRACT_QA = 16; // below 外包供应商 (15)

const ids = (list: { userid: string }[]) => list.map((u) => u.userid);
const withoutFinance = SEED_VISIBLE_DEPARTMENT_ROOTS.filter((d) => d !== FINANCE);

describe('the visible range (可见范围) decides what the app sees', () => {
  const t = useTestMock();
  let token: string;
  beforeEach(async () => {
    token = await t.token();
  });
  const api = (path: string, params: Record<string, string>) => t.api(path, { access_token: token, ...params });
  const setRange = (visibleRange: unknown) => t.control('POST', 'settings', { visibleRange });

  it('a department taken out of the range: user/get answers 60011, lists leave it out, reset brings it back', async () => {
    expect((await setRange({ departments: withoutFinance })).status).toBe(200);
    expect((await api('user/get', { userid: FINANCE_LEAD })).errcode).toBe(60011);
    expect((await api('user/list', { department_id: String(FINANCE) })).errcode).toBe(60011);
    const all = await api('user/simplelist', { department_id: '1', fetch_child: '1' });
    expect(ids(all.userlist)).not.toContain(FINANCE_LEAD);
    expect(ids(all.userlist)).toContain(DEMO.engineer);
    const departments = (await api('department/list', {})).department.map((d: { id: number }) => d.id);
    expect(departments).not.toContain(FINANCE);
    expect(departments).toContain(1);

    await t.control('POST', 'reset');
    token = await t.token();
    expect((await api('user/get', { userid: FINANCE_LEAD })).errcode).toBe(0);
  });

  it('a member named in users is visible though their department is not', async () => {
    await setRange({ departments: SEED_VISIBLE_DEPARTMENT_ROOTS, users: [DEMO.outsideRange] });
    expect((await api('user/get', { userid: DEMO.outsideRange })).errcode).toBe(0);
    expect((await api('user/get', { userid: 'xuekai' })).errcode).toBe(60011);
    expect((await api('user/list', { department_id: String(CONTRACTORS_DEPARTMENT_ID) })).errcode).toBe(60011);
  });

  it("a tag in the range makes its members visible, and the members of the tag's departments", async () => {
    await setRange({ tags: [NEW_STAFF_TAG] });
    expect((await api('user/get', { userid: 'wuhao' })).errcode).toBe(0);
    expect((await api('user/get', { userid: DEMO.withDot })).errcode).toBe(60011);
    expect((await api('user/get', { userid: 'xuekai' })).errcode).toBe(60011);

    await mockControl(t.url).updateTag(NEW_STAFF_TAG, { addPartyIds: [CONTRACTORS_DEPARTMENT_ID] });
    expect((await api('user/get', { userid: 'xuekai' })).errcode).toBe(0);
    const departments = (await api('department/list', {})).department.map((d: { id: number }) => d.id);
    expect(departments).toEqual([1, CONTRACTORS_DEPARTMENT_ID, CONTRACT_QA]);
  });

  it('an empty range hides every member of the corp and every department', async () => {
    expect((await setRange({ users: [], departments: [], tags: [] })).status).toBe(200);
    expect((await api('user/get', { userid: DEMO.ceo })).errcode).toBe(60011);
    expect((await api('department/list', {})).department).toEqual([]);
    expect((await api('user/simplelist', { department_id: '1', fetch_child: '1' })).errcode).toBe(60011);
    // Linked-corp members are shared by the link, not by the app's range.
    expect((await api('user/get', { userid: DEMO.linkedCorp })).errcode).toBe(0);
  });

  it('the root department is the top of the tree, not a way in: its direct members need it in the range', async () => {
    const control = mockControl(t.url);
    await control.createMember({ userid: 'root.only', name: '根部门成员', department: [1] });
    expect((await api('user/get', { userid: 'root.only' })).errcode).toBe(60011);
    await setRange({ departments: [1] });
    expect((await api('user/get', { userid: 'root.only' })).errcode).toBe(0);
    expect((await api('user/get', { userid: DEMO.outsideRange })).errcode).toBe(0);
  });

  it('GET /__mock/directory says visible: false for members the range leaves out', async () => {
    await setRange({ departments: withoutFinance });
    const { json } = await t.control('GET', 'directory');
    expect(json.members.find((m: { userid: string }) => m.userid === FINANCE_LEAD).visible).toBe(false);
  });

  it('GET /__mock/settings shows the range once set, as saved (duplicates dropped)', async () => {
    expect((await t.control('GET', 'settings')).json.visibleRange).toBeUndefined();
    await setRange({ users: ['li.na', 'li.na'], departments: [3] });
    expect((await t.control('GET', 'settings')).json.visibleRange).toEqual({ users: ['li.na'], departments: [3], tags: [] });
  });

  it('refuses a bad range with 400 naming the setting', async () => {
    const bad: unknown[] = [
      [2, 3],
      'departments=2',
      { departments: [2, 'x'] },
      { departments: [0] },
      { tags: [1.5] },
      { users: [''] },
      { users: 'li.na' },
      { parties: [2] },
    ];
    for (const visibleRange of bad) {
      const res = await setRange(visibleRange);
      expect(res.status, JSON.stringify(visibleRange)).toBe(400);
      expect(res.json.error, JSON.stringify(visibleRange)).toMatch(/^visibleRange/);
    }
  });
});

describe('a visible range given at start', () => {
  it('applies from the first call, and reset goes back to it', async () => {
    const t = await startTestMock({ visibleRange: { users: [DEMO.engineer], departments: [], tags: [] } });
    try {
      const token = await t.token();
      const get = async (userid: string) => (await t.api('user/get', { access_token: token, userid })).errcode;
      expect(await get(DEMO.engineer)).toBe(0);
      expect(await get(DEMO.ceo)).toBe(60011);
      await t.control('POST', 'settings', { visibleRange: { departments: [2] } });
      expect(await get(DEMO.ceo)).toBe(0);
      await t.control('POST', 'reset', { keepTokens: true });
      expect(await get(DEMO.ceo)).toBe(60011);
      expect((await t.control('GET', 'settings')).json.visibleRange).toEqual({ users: [DEMO.engineer], departments: [], tags: [] });
    } finally {
      await t.mock.close();
    }
  });

  it('a bad one stops startMockWeCom with the setting named', async () => {
    await expect(startMockWeCom({ quiet: true, visibleRange: { departments: ['2'] } as never })).rejects.toThrow(/visibleRange\.departments/);
  });
});

describe('the visible range of the 20,000-member directory', () => {
  it('changes without a pass over the members', () => {
    const directory = buildDirectory('large');
    const started = performance.now();
    for (let i = 0; i < 100; i += 1) directory.setVisibleRange({ users: [], departments: [1000 + (i % 24) * 100], tags: [1] });
    const perChangeMs = (performance.now() - started) / 100;
    expect(perChangeMs).toBeLessThan(5);
    expect(directory.visibleMembersOf(1, true).length).toBeGreaterThan(700);
    expect(directory.visibleMembersOf(1, true).length).toBeLessThan(900);
  });

  it('over HTTP: a branch-only range lists that branch alone', async () => {
    const t = await startTestMock({ directory: 'large', visibleRange: { users: [], departments: [1000], tags: [] } });
    try {
      const token = await t.token();
      const all = await t.api('user/simplelist', { access_token: token, department_id: '1', fetch_child: '1' });
      const beijing = await t.api('user/simplelist', { access_token: token, department_id: '1000', fetch_child: '1' });
      expect(all.userlist.length).toBe(beijing.userlist.length);
      expect((await t.api('user/get', { access_token: token, userid: DEMO.ceo })).errcode).toBe(60011);
    } finally {
      await t.mock.close();
    }
  });
});

describe('CLI environment for the visible range', () => {
  it('reads MOCK_VISIBLE_USERS, MOCK_VISIBLE_DEPARTMENTS and MOCK_VISIBLE_TAGS; one alone sets the whole range', () => {
    expect(parseMockEnv({ MOCK_VISIBLE_DEPARTMENTS: '2, 3,9', MOCK_VISIBLE_USERS: 'li.na,chen.jie@hq', MOCK_VISIBLE_TAGS: '1' })).toEqual({
      ok: true,
      value: { port: 3100, visibleRange: { users: ['li.na', 'chen.jie@hq'], departments: [2, 3, 9], tags: [1] } },
    });
    expect(parseMockEnv({ MOCK_VISIBLE_TAGS: '2' })).toEqual({
      ok: true,
      value: { port: 3100, visibleRange: { users: [], departments: [], tags: [2] } },
    });
  });

  it('spells an empty range "none", since an empty variable counts as not set', () => {
    expect(parseMockEnv({ MOCK_VISIBLE_DEPARTMENTS: 'none' })).toEqual({
      ok: true,
      value: { port: 3100, visibleRange: { users: [], departments: [], tags: [] } },
    });
    expect(parseMockEnv({ MOCK_VISIBLE_DEPARTMENTS: '' })).toEqual({ ok: true, value: { port: 3100 } });
  });

  it('names the variable that is wrong', () => {
    const cases: [Record<string, string>, string][] = [
      [{ MOCK_VISIBLE_DEPARTMENTS: '2,finance' }, 'MOCK_VISIBLE_DEPARTMENTS'],
      [{ MOCK_VISIBLE_DEPARTMENTS: '0' }, 'MOCK_VISIBLE_DEPARTMENTS'],
      [{ MOCK_VISIBLE_TAGS: '-1' }, 'MOCK_VISIBLE_TAGS'],
      [{ MOCK_VISIBLE_USERS: 'x'.repeat(65) }, 'MOCK_VISIBLE_USERS'],
    ];
    for (const [env, name] of cases) {
      const result = parseMockEnv(env);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.message.startsWith(`${name}:`), result.message).toBe(true);
    }
  });
});
