import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDirectory } from '@/mock/directory';
import { LARGE_DIRECTORY_MEMBER_COUNT, generateLargeDirectory } from '@/mock/large-directory';
import { DEMO, SEED_MEMBERS } from '@/mock/seed';
import { startTestMock, type TestMock } from './support';

describe('large directory (generation)', () => {
  it('builds 20,000 members well under 2 s', () => {
    const started = performance.now();
    const directory = buildDirectory('large');
    const elapsed = performance.now() - started;
    expect(directory.memberCount).toBe(20_000);
    expect(LARGE_DIRECTORY_MEMBER_COUNT).toBe(20_000);
    expect(elapsed).toBeLessThan(1000);
  });

  it('is deterministic and uses Chinese names', () => {
    const a = generateLargeDirectory(SEED_MEMBERS.length);
    const b = generateLargeDirectory(SEED_MEMBERS.length);
    expect(a.members.map((m) => m.name)).toEqual(b.members.map((m) => m.name));
    expect(a.members[0]!.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    expect(new Set(a.members.map((m) => m.userid)).size).toBe(a.members.length);
  });
});

describe('large directory (served)', () => {
  let t: TestMock;
  let token: string;
  beforeAll(async () => {
    t = await startTestMock({ directory: 'large' });
    token = await t.token();
  });
  afterAll(() => t.mock.close());

  it('lists every visible member from the root: 20,000 minus the 3 contractors', async () => {
    const body = await t.api('user/simplelist', { access_token: token, department_id: '1', fetch_child: '1' });
    expect(body.userlist).toHaveLength(20_000 - 3);
    expect(body.userlist.map((u: { userid: string }) => u.userid)).toContain('xh19954');
  });

  it('still answers the seed people and keeps the chooser to them', async () => {
    expect((await t.api('user/get', { access_token: token, userid: DEMO.ceo })).name).toBe('张伟');
    const { json } = await t.control('GET', 'directory');
    expect(json.members).toHaveLength(47);
    expect(json.totalMembers).toBe(20_000);
    const chooser = await fetch(`${t.url}/connect/oauth2/authorize?${new URLSearchParams({
      appid: 'ww8a2f00d5c0ffee01', redirect_uri: 'http://localhost:3000/cb', response_type: 'code', scope: 'snsapi_base',
    })}`);
    expect([...(await chooser.text()).matchAll(/data-userid=/g)].length).toBeLessThanOrEqual(60);
  });

  it('serves generated branches in department/list', async () => {
    const body = await t.api('department/list', { access_token: token, id: '1000' });
    expect(body.department[0]).toMatchObject({ id: 1000, name: '北京分公司', parentid: 1 });
    expect(body.department).toHaveLength(11);
  });
});
