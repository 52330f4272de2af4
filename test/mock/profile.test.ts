import { beforeEach, describe, expect, it } from 'vitest';
import { MOCK_ADMIN_TAG_ID } from '@/mock/credentials';
import { DEMO } from '@/mock/seed';
import { useTestMock } from './support';

const t = useTestMock();
let token: string;
beforeEach(async () => {
  token = await t.token();
});

const SENSITIVE = ['avatar', 'thumb_avatar', 'gender', 'mobile', 'email', 'biz_mail', 'qr_code', 'address'];
const userGet = (userid: string) => t.api('user/get', { access_token: token, userid });

describe('user/get', () => {
  it('answers the documented profile plus undocumented extras', async () => {
    const body = await userGet(DEMO.ceo);
    expect(body).toMatchObject({
      errcode: 0,
      errmsg: 'ok',
      userid: 'zhangwei',
      name: '张伟',
      department: [2, 1],
      position: '首席执行官',
      is_leader_in_dept: [1, 1],
      direct_leader: [],
      alias: 'David Zhang',
      main_department: 2,
      status: 1,
      external_position: 'CEO',
      enable: 1,
      isleader: 1,
      hide_mobile: 0,
      english_name: 'David Zhang',
    });
    expect(body.open_userid).toMatch(/^wo[A-Za-z0-9_-]{30}$/);
    expect(body.telephone).toMatch(/^021-6088\d{4}$/);
    expect(body.external_profile.external_corp_name).toBe('星河智能');
    expect(body.external_profile.external_attr.map((a: { type: number }) => a.type)).toEqual([0, 1, 2]);
    expect(body.extattr.attrs.map((a: { type: number }) => a.type)).toEqual([0, 1, 2]);
  });

  it('withholds the sensitive keys entirely in post-2022 mode (absent, not empty)', async () => {
    const body = await userGet(DEMO.engineer);
    expect(body.userid).toBe('hejing');
    for (const key of SENSITIVE) expect(Object.keys(body)).not.toContain(key);
  });

  it('returns them in legacy mode, with avatar and QR on the mock origin', async () => {
    await t.control('POST', 'settings', { privacy: 'legacy' });
    const body = await userGet(DEMO.engineer);
    for (const key of SENSITIVE) expect(Object.keys(body)).toContain(key);
    expect(body.gender).toBe('2');
    expect(body.avatar).toBe(`${t.url}/__mock/avatar/hejing.svg`);
    expect(body.qr_code).toBe(`${t.url}/__mock/qr/hejing.svg`);
    expect(body.address).toBe('上海市闵行区虹梅路 1801 号');
  });

  it('finds userids with ".", "-", "_" and "@"', async () => {
    for (const userid of [DEMO.withDot, DEMO.withDash, DEMO.withUnderscore, DEMO.withAt]) {
      expect((await userGet(userid)).userid).toBe(userid);
    }
  });

  it('reports the statuses disabled 2, not activated 4 and left 5', async () => {
    expect((await userGet(DEMO.disabled)).status).toBe(2);
    expect((await userGet(DEMO.disabled)).enable).toBe(0);
    expect((await userGet(DEMO.inactive)).status).toBe(4);
    expect((await userGet(DEMO.left)).status).toBe(5);
  });

  it('answers a linked-corp member', async () => {
    const body = await userGet(DEMO.linkedCorp);
    expect(body).toMatchObject({ errcode: 0, userid: 'wwlinkedc0rp000002/zhao.lei', name: '赵磊', department: [] });
  });

  it('answers 60111 for an unknown userid and 60011 outside the visible range', async () => {
    const unknown = await userGet('nobody');
    expect(unknown.errcode).toBe(60111);
    expect(unknown.errmsg).toMatch(/^userid not found, hint: \[/);
    expect(unknown.userid).toBeUndefined();
    expect((await userGet(DEMO.outsideRange)).errcode).toBe(60011);
    expect((await userGet('xuekai')).errcode).toBe(60011);
  });

  it('answers 41009 without userid', async () => {
    expect((await t.api('user/get', { access_token: token })).errcode).toBe(41009);
  });
});

describe('departments', () => {
  it('lists the root and the visible departments with leaders, never the contractors', async () => {
    const body = await t.api('department/list', { access_token: token });
    const ids = body.department.map((d: { id: number }) => d.id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(body.department[0]).toMatchObject({ id: 1, name: '星河智能科技有限公司', parentid: 0 });
    expect(body.department.find((d: { id: number }) => d.id === 5)).toEqual({
      id: 5, name: '前端组', name_en: 'Frontend Team', department_leader: ['zhaomin'], parentid: 4, order: 99996000,
    });
  });

  it('has at least four levels (1 → 3 → 4 → 5)', async () => {
    const body = await t.api('department/list', { access_token: token, id: '3' });
    expect(body.department.map((d: { id: number }) => d.id)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(body.department.find((d: { id: number }) => d.id === 3).parentid).toBe(1);
  });

  it('answers 60123 for an unknown id, echoing department: []', async () => {
    const body = await t.api('department/list', { access_token: token, id: '999' });
    expect(body.errcode).toBe(60123);
    expect(body.department).toEqual([]);
  });

  it('answers 60011 for the contractors department', async () => {
    expect((await t.api('department/list', { access_token: token, id: '15' })).errcode).toBe(60011);
  });

  it('simplelist answers id, parentid and order only', async () => {
    const body = await t.api('department/simplelist', { access_token: token, id: '4' });
    expect(body.department_id).toEqual([
      { id: 4, parentid: 3, order: 99997000 },
      { id: 5, parentid: 4, order: 99996000 },
      { id: 6, parentid: 4, order: 99995000 },
    ]);
  });
});

describe('member lists', () => {
  it('user/simplelist answers one department, or its subtree with fetch_child=1', async () => {
    const own = await t.api('user/simplelist', { access_token: token, department_id: '4' });
    expect(own.userlist.map((u: { userid: string }) => u.userid)).toEqual(['liu_yang']);
    expect(Object.keys(own.userlist[0]).sort()).toEqual(['department', 'name', 'open_userid', 'userid']);

    const tree = await t.api('user/simplelist', { access_token: token, department_id: '4', fetch_child: '1' });
    expect(tree.userlist).toHaveLength(14);
  });

  it('lists only visible members from the root', async () => {
    const body = await t.api('user/simplelist', { access_token: token, department_id: '1', fetch_child: '1' });
    const ids = body.userlist.map((u: { userid: string }) => u.userid);
    expect(ids).toHaveLength(43);
    expect(ids).not.toContain(DEMO.outsideRange);
    expect(ids).toContain(DEMO.ceo);
  });

  it('user/list answers full profiles with the same withholding', async () => {
    const body = await t.api('user/list', { access_token: token, department_id: '8' });
    expect(body.userlist.map((u: { userid: string }) => u.userid)).toEqual(['hubin', 'songtao', 'xie.ting', 'hanxue']);
    expect(body.userlist[1].position).toBe('IT 负责人');
    expect(Object.keys(body.userlist[0])).not.toContain('mobile');
    expect(body.userlist[0].errcode).toBeUndefined();
  });

  it('answers 60123 with userlist: [] for an unknown department and 60011 for contractors', async () => {
    const unknown = await t.api('user/list', { access_token: token, department_id: '404' });
    expect(unknown).toMatchObject({ errcode: 60123, userlist: [] });
    const hidden = await t.api('user/simplelist', { access_token: token, department_id: '15' });
    expect(hidden).toMatchObject({ errcode: 60011, userlist: [] });
  });
});

describe('tag/get', () => {
  it('answers the admin tag with its two members', async () => {
    const body = await t.api('tag/get', { access_token: token, tagid: String(MOCK_ADMIN_TAG_ID) });
    expect(body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      tagname: '门户管理员',
      userlist: [{ userid: 'songtao', name: '宋涛' }, { userid: 'wang-fang', name: '王芳' }],
      partylist: [],
    });
    expect(DEMO.admins).toContain(DEMO.itLead);
  });

  it('answers 40068 for an unknown tag, echoing empty arrays', async () => {
    const body = await t.api('tag/get', { access_token: token, tagid: '77' });
    expect(body).toMatchObject({ errcode: 40068, userlist: [], partylist: [] });
  });
});
