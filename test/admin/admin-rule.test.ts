import { describe, expect, it } from 'vitest';
import { isAdminByRule, type AdminTag } from '@/lib/admin/admin-rule';

const tag: AdminTag = { userlist: [{ userid: 'songtao' }], partylist: [8] };
const departments: Record<string, number[]> = { hubin: [6, 8], hejing: [6] };

function rule(overrides: Partial<Parameters<typeof isAdminByRule>[1]> = {}) {
  const asked: string[] = [];
  return {
    asked,
    rule: {
      adminUserIds: ['zhangwei'],
      tag: async () => tag,
      departmentsOf: async (userid: string) => {
        asked.push(userid);
        return departments[userid] ?? [];
      },
      ...overrides,
    },
  };
}

describe('who is an admin', () => {
  it('a userid in ADMIN_USERIDS, without asking WeCom anything', async () => {
    const { rule: r, asked } = rule({ tag: async () => Promise.reject(new Error('not asked')) });
    expect(await isAdminByRule('zhangwei', r)).toBe(true);
    expect(asked).toEqual([]);
  });

  it('a member of the tag, or of a department the tag includes; nobody else', async () => {
    const { rule: r, asked } = rule();
    expect(await isAdminByRule('songtao', r)).toBe(true);
    expect(asked).toEqual([]);
    expect(await isAdminByRule('hubin', r)).toBe(true);
    expect(await isAdminByRule('hejing', r)).toBe(false);
  });

  it('without a tag configured, only the listed userids', async () => {
    expect(await isAdminByRule('songtao', rule({ tag: null }).rule)).toBe(false);
  });

  it('a tag with no departments never needs the member\'s departments', async () => {
    const { rule: r, asked } = rule({ tag: async () => ({ userlist: [], partylist: [] }) });
    expect(await isAdminByRule('hubin', r)).toBe(false);
    expect(asked).toEqual([]);
  });
});
