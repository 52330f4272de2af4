import { describe, expect, it } from 'vitest';
import { buildDirectoryIndex } from '@/lib/admin/directory-index';
import { searchMembers } from '@/lib/admin/member-search';
import type { WeComDepartment, WeComUser } from '@/lib/wecom/schemas';

const departments: WeComDepartment[] = [
  { id: 1, name: '公司', parentid: 0 },
  { id: 2, name: '人力行政部', parentid: 1 },
  { id: 3, name: '财务部', name_en: 'Finance', parentid: 1 },
];
const users: WeComUser[] = [
  { userid: 'wang-fang', name: '王芳', alias: 'Fiona Wang', department: [2], status: 1 },
  { userid: 'zengmin', name: '曾敏', department: [3], status: 1 },
  { userid: 'caiqin', name: '蔡琴', alias: 'Cathy Cai', department: [3], status: 1 },
];
const index = buildDirectoryIndex({ listDepartments: async () => departments, listDepartmentUsers: async (id) => users.filter((u) => u.department?.includes(id)) });
const found = async (query: string, departmentId = 1) =>
  searchMembers(await index, { departmentId, includeSubDepartments: true, query, offset: 0, limit: 50 }).members.map((m) => m.userid);

describe('member search', () => {
  it('finds Chinese names by full pinyin, its start, and initials, as people type them', async () => {
    expect(await found('wangfang')).toEqual(['wang-fang']);
    expect(await found('wangf')).toEqual(['wang-fang']);
    expect(await found('wf')).toEqual(['wang-fang']);
    expect(await found('wang fang')).toEqual(['wang-fang']);
    // A surname reads as a surname: 曾 is zeng here, not ceng.
    expect(await found('zengm')).toEqual(['zengmin']);
    expect(await found('ceng')).toEqual([]);
  });

  it('still finds by name, userid, alias and position, and only inside the chosen department', async () => {
    expect(await found('Cathy')).toEqual(['caiqin']);
    expect(await found('蔡')).toEqual(['caiqin']);
    expect(await found('Cathy', 2)).toEqual([]);
  });

  it("names each row's departments in the reader's language, WeCom's English name where set", async () => {
    const query = { departmentId: 1, includeSubDepartments: true, query: '', offset: 0, limit: 50 };
    const rows = async (locale: 'zh' | 'en') => Object.fromEntries(searchMembers(await index, query, locale).members.map((m) => [m.userid, m.departmentNames]));
    expect(await rows('en')).toMatchObject({ zengmin: ['Finance'], 'wang-fang': ['人力行政部'] });
    expect(await rows('zh')).toMatchObject({ zengmin: ['财务部'], 'wang-fang': ['人力行政部'] });
  });
});

describe('member lists by department', () => {
  it('shows a member in two departments of the scope once, in name order', async () => {
    const tree: WeComDepartment[] = [
      { id: 1, name: '公司', parentid: 0 },
      { id: 2, name: '研发', parentid: 1 },
      { id: 3, name: '前端', parentid: 2 },
      { id: 4, name: '后端', parentid: 2 },
      { id: 5, name: '销售', parentid: 1 },
    ];
    const people: WeComUser[] = [
      { userid: 'zhao', name: '赵敏', department: [3, 4] },
      { userid: 'an', name: '安琪', department: [4] },
      { userid: 'bai', name: '白雪', department: [5, 3] },
    ];
    const built = await buildDirectoryIndex({ listDepartments: async () => tree, listDepartmentUsers: async (id) => people.filter((u) => u.department?.includes(id)) });
    const list = (departmentId: number, includeSubDepartments: boolean) =>
      searchMembers(built, { departmentId, includeSubDepartments, query: '', offset: 0, limit: 50 }).members.map((m) => m.userid);
    expect(list(2, true)).toEqual(['an', 'bai', 'zhao']);
    expect(list(4, false)).toEqual(['an', 'zhao']);
    expect(list(1, true)).toEqual(['an', 'bai', 'zhao']);
    expect(list(1, false)).toEqual([]);
    expect(searchMembers(built, { departmentId: 2, includeSubDepartments: true, query: 'zm', offset: 0, limit: 50 }).members.map((m) => m.userid)).toEqual(['zhao']);
  });
});
