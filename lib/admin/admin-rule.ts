/**
 * The admin rule, free of WeCom calls so it is tested in milliseconds: a userid listed in
 * ADMIN_USERIDS, a member of the admin tag, or a member of a department the tag includes.
 * The caller's departments are only asked for (one user/get) when the tag lists departments.
 */
export interface AdminTag {
  userlist: { userid: string }[];
  partylist: number[];
}

export async function isAdminByRule(
  userid: string,
  rule: { adminUserIds: string[]; tag: (() => Promise<AdminTag>) | null; departmentsOf: (userid: string) => Promise<number[]> },
): Promise<boolean> {
  if (rule.adminUserIds.includes(userid)) return true;
  if (!rule.tag) return false;
  const tag = await rule.tag();
  if (tag.userlist.some((u) => u.userid === userid)) return true;
  if (tag.partylist.length === 0) return false;
  return (await rule.departmentsOf(userid)).some((d) => tag.partylist.includes(d));
}
