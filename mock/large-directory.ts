// directory: 'large' — the seed company grown to LARGE_DIRECTORY_MEMBER_COUNT members with
// regional branches, for paging and performance work. Deterministic: the same PRNG seed gives
// the same people every run, so screenshots and benchmarks compare.

import type { Department, Gender, Member, MemberStatus } from './types';

export const LARGE_DIRECTORY_MEMBER_COUNT = 20_000;

const FIRST_BRANCH_ID = 1000;
const TEAMS_PER_BRANCH = 10;

export const CITIES = [
  ['北京', 'Beijing'], ['广州', 'Guangzhou'], ['深圳', 'Shenzhen'], ['杭州', 'Hangzhou'],
  ['南京', 'Nanjing'], ['苏州', 'Suzhou'], ['成都', 'Chengdu'], ['重庆', 'Chongqing'],
  ['武汉', 'Wuhan'], ['西安', "Xi'an"], ['长沙', 'Changsha'], ['天津', 'Tianjin'],
  ['青岛', 'Qingdao'], ['厦门', 'Xiamen'], ['合肥', 'Hefei'], ['郑州', 'Zhengzhou'],
  ['济南', 'Jinan'], ['沈阳', 'Shenyang'], ['大连', 'Dalian'], ['昆明', 'Kunming'],
  ['福州', 'Fuzhou'], ['宁波', 'Ningbo'], ['无锡', 'Wuxi'], ['南昌', 'Nanchang'],
] as const;

export const TEAMS = [
  ['销售一组', 'Sales Team 1'], ['销售二组', 'Sales Team 2'], ['客户成功组', 'Customer Success'],
  ['交付组', 'Delivery'], ['售前组', 'Pre-sales'], ['实施组', 'Implementation'],
  ['运维组', 'Operations'], ['培训组', 'Training'], ['行政组', 'Administration'], ['渠道组', 'Channels'],
] as const;

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉斌宇浩凯健俊帆帅旭宁龙林欣悦晨婷雪琳晶颖倩佳慧琪瑶怡梦蕾瑞博文轩睿哲昊然泽宸子涵思远嘉一诺安可心';
export const POSITIONS = ['客户经理', '销售代表', '实施工程师', '售前工程师', '客户成功经理', '运维工程师', '培训讲师', '行政专员', '渠道经理', '项目经理'];

/** mulberry32: tiny, fast and good enough to pick names; not for anything secret. */
export function createPrng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedDirectory {
  departments: Department[];
  members: Member[];
  visibleRoots: number[];
}

/** Adds branches and members so that, with `existingMemberCount` seed members, the corp has 20,000. */
export function generateLargeDirectory(existingMemberCount: number): GeneratedDirectory {
  const random = createPrng(20220620);
  const pick = (chars: string) => chars[Math.floor(random() * chars.length)];
  const departments: Department[] = [];
  const teamIds: number[] = [];

  CITIES.forEach(([city, cityEn], branchIndex) => {
    const branchId = FIRST_BRANCH_ID + branchIndex * 100;
    departments.push({ id: branchId, name: `${city}分公司`, name_en: `${cityEn} Branch`, parentid: 1, order: 50000000 - branchIndex * 1000, department_leader: [] });
    TEAMS.slice(0, TEAMS_PER_BRANCH).forEach(([team, teamEn], teamIndex) => {
      const teamId = branchId + teamIndex + 1;
      teamIds.push(teamId);
      departments.push({ id: teamId, name: `${city}${team}`, name_en: `${cityEn} ${teamEn}`, parentid: branchId, order: 100000 - teamIndex * 10, department_leader: [] });
    });
  });
  const departmentById = new Map(departments.map((d) => [d.id, d]));

  const members: Member[] = [];
  const toGenerate = Math.max(0, LARGE_DIRECTORY_MEMBER_COUNT - existingMemberCount);
  for (let i = 0; i < toGenerate; i += 1) {
    const teamId = teamIds[i % teamIds.length];
    const team = departmentById.get(teamId)!;
    const isTeamLeader = i < teamIds.length;
    const serial = String(i + 1).padStart(5, '0');
    const userid = `xh${serial}`;
    const name = pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
    const roll = random();
    const status: MemberStatus = roll < 0.01 ? 4 : roll < 0.015 ? 2 : roll < 0.02 ? 5 : 1;
    const gender = String(1 + Math.floor(random() * 2)) as Gender;
    if (isTeamLeader) team.department_leader.push(userid);
    const leader = team.department_leader[0];
    members.push({
      userid,
      name,
      alias: '',
      position: isTeamLeader ? '组长' : POSITIONS[Math.floor(random() * POSITIONS.length)],
      department: [teamId],
      order: [0],
      is_leader_in_dept: [isTeamLeader ? 1 : 0],
      direct_leader: isTeamLeader || !leader ? [] : [leader],
      main_department: teamId,
      telephone: '',
      status,
      private: {
        gender,
        mobile: `139${String(10000000 + i).slice(-8)}`,
        email: `${userid}@mail.example.com`,
        biz_mail: `${userid}@xinghe-ai.example.com`,
      },
      extattr: [{ type: 0, name: '工号', text: { value: `XB${serial}` } }],
    });
  }

  return {
    departments,
    members,
    visibleRoots: departments.filter((d) => d.parentid === 1).map((d) => d.id),
  };
}
