import { describe, expect, it } from 'vitest';
import { PARALLEL_DEPARTMENT_READS, buildDirectoryIndex, sortedByName, withDepartments, withMember, type DirectoryIndex } from '@/lib/admin/directory-index';
import { minSecondsBetweenFullReads } from '@/lib/admin/full-read-budget';
import type { WeComDepartment, WeComUser } from '@/lib/wecom/schemas';

const departments: WeComDepartment[] = [
  { id: 1, name: '公司', parentid: 0 },
  { id: 2, name: '技术', parentid: 1 },
  { id: 3, name: '前端', parentid: 2 },
  { id: 4, name: '销售', parentid: 1 },
];
const users: WeComUser[] = [
  { userid: 'wangfang', name: '王芳', department: [3], status: 1 },
  { userid: 'hejing', name: '何静', department: [2, 3], status: 1 },
  { userid: 'zhaomin', name: '赵敏', department: [4], status: 2 },
];
const client = {
  listDepartments: async () => departments,
  listDepartmentUsers: async (id: number) => users.filter((u) => u.department?.includes(id)),
};
const counts = (index: DirectoryIndex) => Object.fromEntries(index.departments.map((d) => [d.id, [d.directCount, d.totalCount]]));

describe('the admin directory index', () => {
  it('counts direct members and each member once per department above them', async () => {
    const index = await buildDirectoryIndex(client, () => 42);
    expect(index.builtAt).toBe(42);
    expect(index.members.map((m) => m.userid)).toEqual(['hejing', 'wangfang', 'zhaomin']);
    expect(counts(index)).toEqual({ 1: [0, 3], 2: [1, 2], 3: [2, 2], 4: [1, 1] });
  });

  it('a patched member keeps the order, the counts and the time of the full read', async () => {
    const index = await buildDirectoryIndex(client, () => 42);
    const moved = withMember(index, 'zhaomin', { userid: 'zhaomin', name: '赵敏', departments: [3], status: 1 });
    expect(moved.builtAt).toBe(42);
    expect(counts(moved)).toEqual({ 1: [0, 3], 2: [1, 3], 3: [3, 3], 4: [0, 0] });
    const added = withMember(moved, 'anna', { userid: 'anna', name: '安娜', departments: [4] });
    expect(added.members.map((m) => m.userid)).toEqual(['anna', 'hejing', 'wangfang', 'zhaomin']);
    const removed = withMember(added, 'hejing', null);
    expect(removed.members.map((m) => m.userid)).toEqual(['anna', 'wangfang', 'zhaomin']);
    expect(counts(removed)).toEqual({ 1: [0, 3], 2: [0, 2], 3: [2, 2], 4: [1, 1] });
  });

  it('a renamed userid replaces the old entry', async () => {
    const index = await buildDirectoryIndex(client);
    const renamed = withMember(withMember(index, 'hejing', null), 'he.jing', { userid: 'he.jing', name: '何静', departments: [2, 3] });
    expect(renamed.members.map((m) => m.userid)).toEqual(['he.jing', 'wangfang', 'zhaomin']);
  });

  it('a renamed or moved department shows with the members it holds', async () => {
    const index = await buildDirectoryIndex(client);
    const next = withDepartments(index, [...departments.slice(0, 2), { id: 3, name: 'Web 前端', parentid: 4 }, departments[3]]);
    expect(next.departments.find((d) => d.id === 3)?.name).toBe('Web 前端');
    expect(counts(next)).toEqual({ 1: [0, 3], 2: [1, 1], 3: [2, 2], 4: [1, 3] });
  });

  it('counts kept up by patches are the counts a full recount gives', async () => {
    let index = await buildDirectoryIndex(client);
    const moves: [string, number[] | null][] = [['wangfang', [4]], ['anna', [2, 4]], ['hejing', null], ['zhaomin', [1, 3]], ['anna', [3]], ['x', [99]]];
    for (const [userid, places] of moves) index = withMember(index, userid, places ? { userid, name: userid, departments: places } : null);
    expect(counts(index)).toEqual(counts(withDepartments(index, departments)));
    expect(counts(index)).toEqual({ 1: [1, 3], 2: [0, 2], 3: [2, 2], 4: [1, 1] });
  });

  it('a full read stops asking WeCom after the first refusal', async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ id: i + 2, name: `部门${i}`, parentid: 1 }));
    let asked = 0;
    const refusing = {
      listDepartments: async () => many,
      listDepartmentUsers: async () => {
        asked += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error('45009 api freq out of limit');
      },
    };
    await expect(buildDirectoryIndex(refusing)).rejects.toThrow('45009');
    // Only the reads already in flight when the first refusal came back.
    expect(asked).toBeLessThanOrEqual(PARALLEL_DEPARTMENT_READS);
  });
});

describe('how often the directory is read in full', () => {
  it("keeps scheduled full reads to a third of WeCom's hourly user/list limit", () => {
    // 1,464 departments (the mock's 100,000-member company): 1,464 calls a read, 34 reads an hour at most.
    expect(minSecondsBetweenFullReads(1464)).toBe(106);
    expect((3600 / minSecondsBetweenFullReads(1464)) * 1464).toBeLessThanOrEqual(150_000 / 3);
    expect(minSecondsBetweenFullReads(264)).toBe(20);
    expect(minSecondsBetweenFullReads(12)).toBe(1);
  });
});

describe('the order of members', () => {
  it('is the Chinese collator order, for Chinese, Latin and mixed names alike', () => {
    const collator = new Intl.Collator('zh-CN');
    const names = ['王芳', '汪洋', '王', '阿宝', 'Anna', 'anna', 'Aa', 'ab', 'Zoe 张', '张伟', '张', '曾敏', '蔡琴', '李娜', '李', 'Émile', 'emile', '王芳', '1号', '欧阳修'];
    const members = names.map((name, i) => ({ userid: `u${String(i).padStart(2, '0')}`, name, departments: [1] }));
    const expected = [...members].sort((a, b) => collator.compare(a.name, b.name) || (a.userid < b.userid ? -1 : 1));
    expect(sortedByName([...members].reverse()).map((m) => `${m.name}/${m.userid}`)).toEqual(expected.map((m) => `${m.name}/${m.userid}`));
  });
});
