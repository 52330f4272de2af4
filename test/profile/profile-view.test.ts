import { describe, expect, it } from 'vitest';
import { buildProfileView } from '@/lib/profile/profile-view';
import type { WeComDepartment, WeComUser } from '@/lib/wecom/schemas';

const departments: WeComDepartment[] = [
  { id: 1, name: '公司', parentid: 0 },
  { id: 6, name: '后端组', name_en: 'Backend', parentid: 1 },
  { id: 8, name: '信息技术部', parentid: 1 },
];
// What user/get gives a post-2022 app: the private keys are absent, not empty.
const user: WeComUser = { userid: 'hubin', name: '胡斌', department: [6, 8], is_leader_in_dept: [0, 1], main_department: 8, status: 1 };

describe('the profile view', () => {
  it('marks every field WeCom withholds as not shared, never as an empty value', () => {
    const view = buildProfileView(user, departments, [], null);
    for (const field of ['mobile', 'email', 'biz_mail', 'gender', 'address', 'avatar', 'qr_code'] as const) {
      expect(view.private[field]).toEqual({ shared: false });
    }
  });

  it('takes consented detail over user/get, but a consented gender "0" says nothing', () => {
    const detail = { userid: 'hubin', mobile: '13800000000', gender: '0' };
    const view = buildProfileView({ ...user, gender: '1' }, departments, [], detail);
    expect(view.private.mobile).toEqual({ shared: true, value: '13800000000' });
    expect(view.private.gender).toEqual({ shared: true, value: '1' });
    expect(buildProfileView(user, departments, [], detail).private.gender).toEqual({ shared: false });
  });

  it('names departments, flags the ones led and the main one', () => {
    const view = buildProfileView(user, departments, [], null);
    expect(view.departments).toEqual([
      { id: 6, name: '后端组', path: [], isLeader: false, isMain: false },
      { id: 8, name: '信息技术部', path: [], isLeader: true, isMain: true },
    ]);
    expect(view.mainDepartment).toBe('信息技术部');
  });

  it('says where a department sits: the names above it, without the company, in the reader\'s language', () => {
    const tree: WeComDepartment[] = [
      { id: 1, name: '星河', parentid: 0 },
      { id: 3, name: '技术中心', name_en: 'Technology Center', parentid: 1 },
      { id: 4, name: '平台研发部', parentid: 3 },
      { id: 6, name: '后端组', parentid: 4 },
      // A loop WeCom should never send must not hang the page.
      { id: 20, name: '甲', parentid: 21 },
      { id: 21, name: '乙', parentid: 20 },
    ];
    const nested = (id: number, locale: 'zh' | 'en' = 'zh') => buildProfileView({ ...user, department: [id] }, tree, [], null, locale).departments[0]!.path;
    expect(nested(6)).toEqual(['技术中心', '平台研发部']);
    expect(nested(6, 'en')).toEqual(['Technology Center', '平台研发部']);
    expect(nested(3)).toEqual([]);
    expect(nested(20)).toEqual(['乙']);
  });

  it("in English uses WeCom's English department names, and the Chinese one where none is set", () => {
    const view = buildProfileView(user, departments, [], null, 'en');
    expect(view.departments.map((d) => d.name)).toEqual(['Backend', '信息技术部']);
    expect(buildProfileView(user, departments, [], null, 'zh').departments[0]!.name).toBe('后端组');
  });

  it('a linked-corp member with main department 0 shows no department and no "#0"', () => {
    const view = buildProfileView({ userid: 'wwlinked/zhao.lei', name: '赵磊', department: [0], main_department: 0 }, departments, [], null);
    expect(view.departments).toEqual([]);
    expect(view.mainDepartment).toBeUndefined();
    expect(view.linkedCorpId).toBe('wwlinked');
    expect(JSON.stringify(view)).not.toContain('#0');
  });
});
