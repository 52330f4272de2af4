// directory: 'huge' — the seed company grown to 100,000 members, the size of WeCom's largest
// customers, for the admin directory's scale work. Shaped like such a company: business groups,
// each with regional branches, each with teams of uneven size; every unit has a head, a few
// people work in two teams. Deterministic: the same PRNG seed gives the same company every run,
// so benchmarks compare.

import { CITIES, GIVEN, POSITIONS, SURNAMES, TEAMS, createPrng, type GeneratedDirectory } from './large-directory';
import type { Department, Gender, Member, MemberStatus } from './types';

export const HUGE_DIRECTORY_MEMBER_COUNT = 100_000;

const GROUPS = [
  ['云计算事业群', 'Cloud Group'], ['零售事业群', 'Retail Group'], ['制造事业群', 'Manufacturing Group'],
  ['金融事业群', 'Finance Group'], ['医疗事业群', 'Healthcare Group'], ['教育事业群', 'Education Group'],
  ['物流事业群', 'Logistics Group'], ['能源事业群', 'Energy Group'],
] as const;
const BRANCHES_PER_GROUP = 12;
const EXTRA_TEAMS = [['研发组', 'Engineering'], ['测试组', 'Quality'], ['财务组', 'Finance'], ['人事组', 'People']] as const;
const ALL_TEAMS = [...TEAMS, ...EXTRA_TEAMS];
/** Ids above the seed's and the large directory's (1000–3400). */
const groupIdOf = (groupIndex: number) => 10_000 * (groupIndex + 1);
/** The share of members who also work in a second team of their branch. */
const SECOND_TEAM_SHARE = 0.02;
/** The CEO of the seed company heads every business group's head. */
const CEO = 'zhangwei';

interface Unit {
  department: Department;
  /** The head's userid, once made. */
  head?: string;
  parentUnit?: Unit;
}

export function generateHugeDirectory(existingMemberCount: number): GeneratedDirectory {
  const random = createPrng(20221010);
  const pick = (chars: string) => chars[Math.floor(random() * chars.length)];
  const departments: Department[] = [];
  const groups: Unit[] = [];
  const branches: Unit[] = [];
  const teams: Unit[] = [];

  GROUPS.forEach(([group, groupEn], g) => {
    const groupId = groupIdOf(g);
    const groupUnit: Unit = { department: { id: groupId, name: group, name_en: groupEn, parentid: 1, order: 90_000_000 - g * 1000, department_leader: [] } };
    groups.push(groupUnit);
    for (let b = 0; b < BRANCHES_PER_GROUP; b += 1) {
      // Each group covers twelve of the cities, starting at a different one.
      const [city, cityEn] = CITIES[(g * 5 + b) % CITIES.length];
      const branchId = groupId + (b + 1) * 100;
      const branchUnit: Unit = {
        department: { id: branchId, name: `${group.replace('事业群', '')}${city}分公司`, name_en: `${groupEn.replace(' Group', '')} ${cityEn}`, parentid: groupId, order: 100_000 - b * 10, department_leader: [] },
        parentUnit: groupUnit,
      };
      branches.push(branchUnit);
      ALL_TEAMS.forEach(([team, teamEn], t) => {
        teams.push({
          department: { id: branchId + t + 1, name: `${city}${team}`, name_en: `${cityEn} ${teamEn}`, parentid: branchId, order: 10_000 - t * 10, department_leader: [] },
          parentUnit: branchUnit,
        });
      });
    }
  });
  for (const unit of [...groups, ...branches, ...teams]) departments.push(unit.department);

  // Teams differ in size (from a third to twice the mean), as they do in real companies.
  const weights = teams.map(() => 0.35 + random() * 1.65);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const totalWeight = cumulative[cumulative.length - 1];
  const pickTeamIndex = (): number => {
    const target = random() * totalWeight;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  const members: Member[] = [];
  const toGenerate = Math.max(0, HUGE_DIRECTORY_MEMBER_COUNT - existingMemberCount);
  const person = (unit: Unit, position: string, isHead: boolean, leader: string | undefined, extraTeam?: Unit): Member => {
    const serial = String(members.length + 1).padStart(6, '0');
    const userid = `hg${serial}`;
    const roll = random();
    const status: MemberStatus = isHead ? 1 : roll < 0.01 ? 4 : roll < 0.015 ? 2 : roll < 0.02 ? 5 : 1;
    const departmentIds = [unit.department.id, ...(extraTeam ? [extraTeam.department.id] : [])];
    const member: Member = {
      userid,
      name: pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : ''),
      alias: '',
      position,
      department: departmentIds,
      order: departmentIds.map(() => 0),
      is_leader_in_dept: departmentIds.map((_, i) => (isHead && i === 0 ? 1 : 0)),
      direct_leader: leader ? [leader] : [],
      main_department: unit.department.id,
      telephone: '',
      status,
      private: {
        gender: String(1 + Math.floor(random() * 2)) as Gender,
        mobile: `138${String(10_000_000 + members.length).slice(-8)}`,
        email: `${userid}@mail.example.com`,
        biz_mail: `${userid}@xinghe-ai.example.com`,
      },
      extattr: [{ type: 0, name: '工号', text: { value: `HG${serial}` } }],
    };
    if (isHead) {
      unit.department.department_leader.push(userid);
      unit.head = userid;
    }
    members.push(member);
    return member;
  };

  // Heads first, top down, so everyone below has a leader to report to.
  for (const group of groups) person(group, '事业群总裁', true, CEO);
  for (const branch of branches) person(branch, '分公司总经理', true, branch.parentUnit?.head);
  for (const team of teams) person(team, '组长', true, team.parentUnit?.head);
  while (members.length < toGenerate) {
    const index = pickTeamIndex();
    const team = teams[index];
    // The second team is a neighbour in the same branch.
    const second = random() < SECOND_TEAM_SHARE ? teams[index % ALL_TEAMS.length === 0 ? index + 1 : index - 1] : undefined;
    person(team, POSITIONS[Math.floor(random() * POSITIONS.length)], false, team.head, second);
  }

  return { departments, members, visibleRoots: groups.map((g) => g.department.id) };
}
