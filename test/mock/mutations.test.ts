import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseMockEnv } from '@/mock/cli-env';
import { CONTRACTORS_DEPARTMENT_ID, DEMO, SEED_MEMBERS, SEED_TAGS } from '@/mock/seed';
import { mockControl } from '@/mock/control-client';
import { startCallbackReceiver } from './callback-receiver';
import { startTestMock, type Json, type TestMock } from './support';

const TOKEN = 'QDG6eK';
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';

type Method = 'POST' | 'PATCH' | 'DELETE';

/** The TestMock helper knows GET/POST/DELETE; changes also PATCH. */
async function call(t: TestMock, method: Method, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${t.url}/__mock/${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

const ids = (list: { userid: string }[]) => list.map((u) => u.userid);

describe('directory changes through the control API', () => {
  let t: TestMock;
  let control: ReturnType<typeof mockControl>;
  let token: string;
  beforeAll(async () => {
    t = await startTestMock();
    control = mockControl(t.url);
  });
  afterAll(() => t.mock.close());
  beforeEach(async () => {
    await control.reset();
    token = await t.token();
  });
  const api = (path: string, params: Record<string, string>) => t.api(path, { access_token: token, ...params });

  describe('members', () => {
    it('a created member shows in user/get, user/list, user/simplelist and GET /__mock/directory', async () => {
      await control.createMember({ userid: 'qa.lead', name: '测试主管', department: [6, 8], position: '测试主管', status: 1 });
      expect(await api('user/get', { userid: 'qa.lead' })).toMatchObject({ name: '测试主管', department: [6, 8], main_department: 6, status: 1 });
      expect(ids((await api('user/list', { department_id: '8' })).userlist)).toContain('qa.lead');
      expect(ids((await api('user/simplelist', { department_id: '4', fetch_child: '1' })).userlist).filter((u) => u === 'qa.lead')).toHaveLength(1);
      const { json } = await t.control('GET', 'directory');
      expect(json.totalMembers).toBe(SEED_MEMBERS.length + 1);
      expect(json.members.find((m: Json) => m.userid === 'qa.lead')).toMatchObject({ visible: true, departments: [6, 8] });
    });

    it('a status change shows in user/get and user/list', async () => {
      await control.updateMember(DEMO.withDot, { status: 5, position: '前助理', alias: 'Nina' });
      expect(await api('user/get', { userid: DEMO.withDot })).toMatchObject({ status: 5, position: '前助理', alias: 'Nina', enable: 1 });
      const listed = (await api('user/list', { department_id: '2' })).userlist.find((u: Json) => u.userid === DEMO.withDot);
      expect(listed.status).toBe(5);
    });

    it('moving a member keeps order and leadership where they stay and fixes main_department', async () => {
      await control.updateMember('zhangwei', { department: [1, 9] });
      expect(await api('user/get', { userid: 'zhangwei' })).toMatchObject({ department: [1, 9], is_leader_in_dept: [1, 0], main_department: 1 });
      expect(ids((await api('user/simplelist', { department_id: '2' })).userlist)).not.toContain('zhangwei');
      await control.updateMember('zhangwei', { main_department: 9 });
      expect((await api('user/get', { userid: 'zhangwei' })).main_department).toBe(9);
    });

    it('answers changed: [] and pushes nothing when a change changes nothing', async () => {
      const answer = await control.updateMember(DEMO.engineer, { name: '何静' });
      expect(answer).toMatchObject({ changed: [], deliveries: [] });
    });

    it('refuses bad member input with 400 and a message', async () => {
      const cases: [Method, string, unknown, RegExp][] = [
        ['POST', 'members', { name: '无名', department: [5] }, /^userid /],
        ['POST', 'members', { userid: '-bad', name: 'x', department: [5] }, /^userid /],
        ['POST', 'members', { userid: 'a b', name: 'x', department: [5] }, /^userid /],
        ['POST', 'members', { userid: DEMO.engineer, name: 'x', department: [5] }, /already exists/],
        ['POST', 'members', { userid: 'x1', department: [5] }, /^name is required/],
        ['POST', 'members', { userid: 'x1', name: 'x' }, /^department is required/],
        ['POST', 'members', { userid: 'x1', name: 'x', department: [] }, /^department must be/],
        ['POST', 'members', { userid: 'x1', name: 'x', department: ['5'] }, /^department must be/],
        ['POST', 'members', { userid: 'x1', name: 'x', department: [5, 5] }, /twice/],
        ['POST', 'members', { userid: 'x1', name: 'x', department: [5], status: 3 }, /^status must be/],
        ['POST', 'members', { userid: 'x1', name: 'x', department: [5], main_department: 6 }, /^main_department/],
        ['POST', 'members', { userid: 'x1', name: 'x', department: [5], mobile: '138' }, /unknown field "mobile"/],
        ['POST', 'members', [1], /JSON object/],
        ['POST', 'members', '{"userid":', /not valid JSON/],
        ['PATCH', `members/${DEMO.engineer}`, {}, /at least one/],
        ['PATCH', `members/${DEMO.engineer}`, { name: '' }, /^name /],
        ['PATCH', `members/${DEMO.engineer}`, { status: 'active' }, /^status /],
        ['PATCH', `members/${DEMO.engineer}`, { new_userid: DEMO.ceo }, /already exists/],
        ['PATCH', `members/${DEMO.engineer}`, { main_department: 5 }, /^main_department/],
        ['PATCH', `members/${encodeURIComponent(DEMO.linkedCorp)}`, { name: 'x' }, /linked corp/],
        ['PATCH', 'members/%E0%A4%A', { name: 'x' }, /malformed/],
      ];
      for (const [method, path, body, message] of cases) {
        const res = await call(t, method, path, body);
        expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
        expect(res.json.error, `${method} ${path}`).toMatch(message);
      }
      expect((await api('user/get', { userid: 'x1' })).errcode).toBe(60111);
    });

    it('answers 404 for an unknown userid or department', async () => {
      const cases: [Method, string, unknown][] = [
        ['PATCH', 'members/nobody', { name: 'x' }],
        ['DELETE', 'members/nobody', undefined],
        ['POST', 'members', { userid: 'x1', name: 'x', department: [999] }],
        ['PATCH', `members/${DEMO.engineer}`, { department: [6, 999] }],
      ];
      for (const [method, path, body] of cases) {
        const res = await call(t, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.json.error).toMatch(/unknown (userid|department)/);
      }
    });

    it('userids with @ and . work in the path when URL-encoded', async () => {
      await control.updateMember(DEMO.withAt, { position: '前端专家' });
      expect((await api('user/get', { userid: DEMO.withAt })).position).toBe('前端专家');
    });

    it('mock-control throws with the body on a refused change', async () => {
      await expect(control.deleteMember('nobody')).rejects.toThrow(/answered 404: .*unknown userid/);
    });
  });

  describe('departments', () => {
    it('a created department shows in department/list and takes members', async () => {
      const answer = await control.createDepartment({ name: '测试组', name_en: 'QA Team', parentid: 4 });
      const id = (answer.department as Json).id as number;
      expect(id).toBe(17);
      expect((await api('department/list', { id: '4' })).department.map((d: Json) => d.id)).toContain(17);
      await control.createMember({ userid: 'tester', name: '测试', department: [id] });
      expect(ids((await api('user/simplelist', { department_id: String(id) })).userlist)).toEqual(['tester']);
    });

    it('a moved department moves in department/list, members included', async () => {
      await control.updateDepartment(12, { parentid: 9 });
      const marketing = await api('department/list', { id: '9' });
      expect(marketing.department.find((d: Json) => d.id === 12)).toMatchObject({ parentid: 9 });
      expect(ids((await api('user/simplelist', { department_id: '9', fetch_child: '1' })).userlist)).toContain('fulei');
      expect(ids((await api('user/simplelist', { department_id: '10', fetch_child: '1' })).userlist)).not.toContain('fulei');
    });

    it('moving a department out of the visible range hides it and unsubscribes its active members', async () => {
      const app = await startCallbackReceiver({ token: TOKEN, aesKey: AES_KEY });
      try {
        await control.configureCallback({ url: app.url, token: TOKEN, aesKey: AES_KEY });
        const answer = await control.updateDepartment(12, { parentid: CONTRACTORS_DEPARTMENT_ID });
        const names = answer.deliveries.map((d) => d.changeType ?? d.event);
        expect(names[0]).toBe('update_party');
        // fulei, shenjia, zengmin; pengfei stays visible through 后端组.
        expect(app.events.slice(1).map((e) => e.fields.FromUserName).sort()).toEqual(['fulei', 'shenjia', 'zengmin']);
        expect(app.events[0]!.fields).toMatchObject({ Id: '12', ParentId: String(CONTRACTORS_DEPARTMENT_ID) });
        expect((await api('user/get', { userid: 'fulei' })).errcode).toBe(60011);
        expect((await api('user/get', { userid: 'pengfei' })).errcode).toBe(0);
      } finally {
        await app.close();
      }
    });

    it('refuses to delete a department that still has members (60005) or sub-departments (60006)', async () => {
      const withMembers = await call(t, 'DELETE', 'departments/5');
      expect(withMembers).toMatchObject({ status: 400, json: { errcode: 60005, error: expect.stringMatching(/member/) } });
      const withChildren = await call(t, 'DELETE', 'departments/4');
      expect(withChildren).toMatchObject({ status: 400, json: { errcode: 60006, error: expect.stringMatching(/sub-department/) } });
    });

    it('deletes an empty department, which then leaves department/list', async () => {
      await control.updateMember('xuekai', { department: [15] });
      await control.updateMember('yeqing', { department: [15] });
      await control.deleteDepartment(16);
      expect((await call(t, 'DELETE', 'departments/16')).status).toBe(404);
      await control.createDepartment({ id: 20, name: '空部门', parentid: 3 });
      await control.deleteDepartment(20);
      expect((await api('department/list', { id: '3' })).department.map((d: Json) => d.id)).not.toContain(20);
    });

    it('refuses bad department input with 400 and unknown departments with 404', async () => {
      const bad: [Method, string, unknown, RegExp][] = [
        ['POST', 'departments', { parentid: 1 }, /^name is required/],
        ['POST', 'departments', { name: 'a:b', parentid: 1 }, /^name must not contain/],
        ['POST', 'departments', { name: 'x' }, /^parentid is required/],
        ['POST', 'departments', { name: '前端组', parentid: 4 }, /already has a sub-department named/],
        ['POST', 'departments', { id: 5, name: 'x', parentid: 1 }, /already exists/],
        ['POST', 'departments', { name: 'x', parentid: 1, order: -1 }, /^order /],
        ['PATCH', 'departments/4', { parentid: 5 }, /below itself/],
        ['PATCH', 'departments/1', { parentid: 2 }, /root/],
        ['PATCH', 'departments/5', {}, /at least one/],
        ['PATCH', 'departments/five', { name: 'x' }, /must be a number/],
        ['DELETE', 'departments/1', undefined, /root/],
      ];
      for (const [method, path, body, message] of bad) {
        const res = await call(t, method, path, body);
        expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
        expect(res.json.error).toMatch(message);
      }
      for (const [method, path, body] of [
        ['PATCH', 'departments/999', { name: 'x' }],
        ['DELETE', 'departments/999', undefined],
        ['POST', 'departments', { name: 'x', parentid: 999 }],
        ['PATCH', 'departments/5', { parentid: 999 }],
      ] as [Method, string, unknown][]) {
        expect((await call(t, method, path, body)).status, `${method} ${path}`).toBe(404);
      }
    });
  });

  describe('tags', () => {
    it('removing a tag member shows in tag/get; a deleted member leaves their tags', async () => {
      await control.updateTag(2, { delUserids: ['wuhao'] });
      await control.deleteMember('xuqing');
      const tag = await api('tag/get', { tagid: '2' });
      expect(ids(tag.userlist)).toEqual(['zhengshuang']);
    });

    it('refuses bad tag input with 400 and unknown tags, userids or departments with 404', async () => {
      expect((await call(t, 'PATCH', 'tags/1', {})).status).toBe(400);
      expect((await call(t, 'PATCH', 'tags/1', { addUserids: 'hejing' })).status).toBe(400);
      expect((await call(t, 'PATCH', 'tags/1', { addUserids: ['hejing'], delUserids: ['hejing'] })).status).toBe(400);
      expect((await call(t, 'PATCH', 'tags/1', { tagname: 'x' })).json.error).toMatch(/unknown field "tagname"/);
      expect((await call(t, 'PATCH', 'tags/99', { addUserids: ['hejing'] })).status).toBe(404);
      expect((await call(t, 'PATCH', 'tags/1', { addUserids: ['nobody'] })).status).toBe(404);
      expect((await call(t, 'PATCH', 'tags/1', { addPartyIds: [999] })).status).toBe(404);
    });
  });

  describe('reset and isolation', () => {
    it('reset brings back the seed: members, departments and tags', async () => {
      await control.deleteMember(DEMO.engineer);
      await control.updateDepartment(5, { name: '改名组' });
      await control.updateTag(1, { delUserids: [DEMO.itLead] });
      await control.createMember({ userid: 'temp', name: '临时', department: [5] });
      await control.reset();
      token = await t.token();
      expect((await api('user/get', { userid: DEMO.engineer })).name).toBe('何静');
      expect((await api('user/get', { userid: 'temp' })).errcode).toBe(60111);
      expect((await api('department/list', { id: '5' })).department[0].name).toBe('前端组');
      expect(ids((await api('tag/get', { tagid: '1' })).userlist)).toEqual([...DEMO.admins]);
      expect(SEED_TAGS[0]!.userids).toEqual([...DEMO.admins]); // the module's seed was never touched
    });

    it('a change in one mock never shows in another', async () => {
      const other = await startTestMock();
      try {
        await control.updateMember(DEMO.engineer, { name: '改了' });
        const otherToken = await other.token();
        expect((await other.api('user/get', { access_token: otherToken, userid: DEMO.engineer })).name).toBe('何静');
        expect(SEED_MEMBERS.find((m) => m.userid === DEMO.engineer)!.name).toBe('何静');
      } finally {
        await other.mock.close();
      }
    });
  });
});

describe('changes in the large directory', () => {
  let t: TestMock;
  let control: ReturnType<typeof mockControl>;
  let token: string;
  beforeAll(async () => {
    t = await startTestMock({ directory: 'large' });
    control = mockControl(t.url);
    token = await t.token();
  });
  afterAll(() => t.mock.close());

  it('applies a change to 20,000 members quickly and keeps the indexes right', async () => {
    const started = performance.now();
    await control.updateMember('xh00042', { department: [1101], status: 2 });
    await control.deleteMember('xh00043');
    const elapsed = performance.now() - started;
    console.log(`large directory: two changes over HTTP in ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(2000);
    expect(await t.api('user/get', { access_token: token, userid: 'xh00042' })).toMatchObject({ department: [1101], status: 2 });
    expect((await t.api('user/get', { access_token: token, userid: 'xh00043' })).errcode).toBe(60111);
    const all = await t.api('user/simplelist', { access_token: token, department_id: '1', fetch_child: '1' });
    expect(all.userlist).toHaveLength(20_000 - 3 - 1);
    const team = await t.api('user/simplelist', { access_token: token, department_id: '1101' });
    expect(ids(team.userlist)).toContain('xh00042');
  });

  it('resets back to 20,000 members', async () => {
    await control.reset();
    token = await t.token();
    expect((await t.control('GET', 'directory')).json.totalMembers).toBe(20_000);
    expect((await t.api('user/get', { access_token: token, userid: 'xh00043' })).errcode).toBe(0);
  });
});

describe('CLI environment for the callback', () => {
  const good = {
    MOCK_CALLBACK_URL: 'http://127.0.0.1:3000/api/wecom/events',
    MOCK_CALLBACK_TOKEN: TOKEN,
    MOCK_CALLBACK_AES_KEY: AES_KEY,
  };

  it('reads url, token, key and detail', () => {
    expect(parseMockEnv({ ...good, MOCK_CALLBACK_DETAIL: 'full' })).toEqual({
      ok: true,
      value: { port: 3100, callback: { url: good.MOCK_CALLBACK_URL, token: TOKEN, aesKey: AES_KEY, detail: 'full' } },
    });
    expect(parseMockEnv(good)).toEqual({ ok: true, value: { port: 3100, callback: { url: good.MOCK_CALLBACK_URL, token: TOKEN, aesKey: AES_KEY } } });
  });

  it('names the variable that is wrong or missing', () => {
    const cases: [Record<string, string>, string][] = [
      [{ ...good, MOCK_CALLBACK_URL: 'not a url' }, 'MOCK_CALLBACK_URL'],
      [{ ...good, MOCK_CALLBACK_TOKEN: 'x' }, 'MOCK_CALLBACK_TOKEN'],
      [{ ...good, MOCK_CALLBACK_AES_KEY: 'short' }, 'MOCK_CALLBACK_AES_KEY'],
      [{ ...good, MOCK_CALLBACK_DETAIL: 'all' }, 'MOCK_CALLBACK_DETAIL'],
      [{ MOCK_CALLBACK_URL: good.MOCK_CALLBACK_URL, MOCK_CALLBACK_AES_KEY: AES_KEY }, 'MOCK_CALLBACK_TOKEN'],
      [{ MOCK_CALLBACK_DETAIL: 'full' }, 'MOCK_CALLBACK_DETAIL'],
    ];
    for (const [env, name] of cases) {
      const result = parseMockEnv(env);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.message.startsWith(`${name}:`), result.message).toBe(true);
    }
  });
});
