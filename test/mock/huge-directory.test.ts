import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDirectory, type Directory } from '@/mock/directory';
import { HUGE_DIRECTORY_MEMBER_COUNT, generateHugeDirectory } from '@/mock/huge-directory';
import { SEED_MEMBERS } from '@/mock/seed';
import { startTestMock, type TestMock } from './support';

describe('huge directory (generation)', () => {
  let directory: Directory;
  beforeAll(() => {
    directory = buildDirectory('huge');
  });

  it('is a 100,000-member company in about 1,500 departments, in three levels below the root', () => {
    expect(directory.memberCount).toBe(HUGE_DIRECTORY_MEMBER_COUNT);
    const generated = directory.departments.filter((d) => d.id >= 10_000);
    expect(generated).toHaveLength(8 + 8 * 12 + 8 * 12 * 14);
    expect(new Set(generated.map((d) => d.id)).size).toBe(generated.length);
    const sizes = generated.filter((d) => directory.childDepartmentsOf(d.id).length === 0).map((d) => directory.membersDirectlyIn(d.id).length);
    // Teams of uneven size, none empty.
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeGreaterThan(2 * Math.min(...sizes));
  });

  it('gives every unit a head who reports to the head above', () => {
    for (const department of directory.departments.filter((d) => d.id >= 10_000)) {
      const [head] = department.department_leader;
      expect(head, department.name).toBeDefined();
      const leader = directory.findMember(directory.findMember(head)!.direct_leader[0]!)!;
      const above = directory.findDepartment(department.parentid)!;
      expect(leader.userid).toBe(above.id === 1 ? 'zhangwei' : above.department_leader[0]);
    }
  });

  it('is the same company every run', () => {
    const a = generateHugeDirectory(SEED_MEMBERS.length);
    const b = generateHugeDirectory(SEED_MEMBERS.length);
    expect(a.members.slice(-50)).toEqual(b.members.slice(-50));
    expect(a.members.filter((m) => m.department.length === 2).length).toBeGreaterThan(1000);
  });
});

describe('huge directory (served)', () => {
  let t: TestMock;
  let token: string;
  beforeAll(async () => {
    t = await startTestMock({ directory: 'huge' });
    token = await t.token();
  }, 30_000);
  afterAll(() => t.mock.close());

  it('answers department/list with every visible department and user/list per department', async () => {
    const { department } = await t.api('department/list', { access_token: token });
    expect(department.length).toBeGreaterThan(1_450);
    const team = department.find((d: { id: number }) => d.id === 10_101);
    expect(team).toMatchObject({ parentid: 10_100 });
    const { userlist } = await t.api('user/list', { access_token: token, department_id: '10101' });
    expect(userlist.length).toBeGreaterThan(10);
    expect(userlist[0]).not.toHaveProperty('mobile');
  });
});
