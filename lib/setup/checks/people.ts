import type { Bilingual } from '@/lib/i18n/locale';
import type { WeComError } from '@/lib/wecom/errors';
import type { Finding } from '../report';
import { consolePlaces } from '../console-places';
import { NEEDS_TOKEN, agentSettings, appName, wecomAnswer, type DoctorContext } from '../context';

/**
 * Who can use the app: the visible range (可见范围) must hold someone, the admins among them;
 * and the admins must exist. Both read the same tag/get and user/get answers.
 */

/** At most this many admins are looked up one by one (user/get each), to keep a run quick. */
const MAX_ADMINS_LOOKED_UP = 20;

interface AdminSources {
  tag?: { id: number; name: string; userids: string[]; departments: number; error?: WeComError };
  userids: string[];
}

async function adminSources(ctx: DoctorContext): Promise<AdminSources> {
  const { adminTagId, adminUserIds } = ctx.config;
  if (adminTagId === undefined) return { userids: adminUserIds };
  const tag = await ctx.wecom.tag(adminTagId);
  if (!tag.ok) return { tag: { id: adminTagId, name: '', userids: [], departments: 0, error: tag.error }, userids: adminUserIds };
  return {
    tag: { id: adminTagId, name: tag.value.tagname ?? '', userids: tag.value.userlist.map((u) => u.userid), departments: tag.value.partylist.length },
    userids: adminUserIds,
  };
}

const admins = (sources: AdminSources) => [...new Set([...(sources.tag?.userids ?? []), ...sources.userids])].slice(0, MAX_ADMINS_LOOKED_UP);

export async function checkVisibleRange(ctx: DoctorContext): Promise<Finding> {
  const settings = await agentSettings(ctx);
  if (!settings.ok) return settings.skip;
  const { agent } = settings;
  const users = agent.allow_userinfos.user.length;
  const departments = agent.allow_partys.partyid.length;
  const tags = agent.allow_tags.tagid.length;
  const place = consolePlaces.visibleRange(await appName(ctx));
  if (users + departments + tags === 0) {
    return {
      status: 'fail',
      detail: { zh: '可见范围是空的：没有员工能打开本应用', en: 'The visible range is empty: no employee can open the app' },
      fix: { zh: `在「${place.zh}」加入要使用员工门户的部门、成员或标签。`, en: `Add the departments, members or tags who should use the portal under ${place.en}.` },
    };
  }
  const range = {
    zh: `可见范围：${departments} 个部门、${users} 名成员、${tags} 个标签`,
    en: `Visible range: ${departments} department(s), ${users} member(s), ${tags} tag(s)`,
  };
  // WeCom answers only within the range: tag/get leaves out members outside it, user/get answers
  // 60011 for them. That is the ground truth, whatever the range is made of.
  const sources = await adminSources(ctx);
  const problems: Bilingual[] = [];
  const { tag } = sources;
  if (tag && !tag.error && tag.userids.length === 0 && tag.departments === 0) {
    const name = tag.name || String(tag.id);
    problems.push({ zh: `管理员标签「${name}」中没有本应用能看到的成员`, en: `the admins' tag "${name}" holds nobody the app can see` });
  }
  const looked = await Promise.all(admins(sources).map(async (userid) => ({ userid, answer: await ctx.wecom.user(userid) })));
  const outside = looked.filter((l) => !l.answer.ok && l.answer.error.errcode === 60011).map((l) => l.userid);
  if (outside.length > 0) problems.push({ zh: `管理员 ${outside.join(', ')} 不在其中，无法登录本应用`, en: `admin(s) ${outside.join(', ')} are outside it and cannot sign in` });
  if (problems.length > 0) {
    return {
      status: 'warn',
      detail: { zh: `${range.zh}；${problems.map((p) => p.zh).join('；')}`, en: `${range.en}; ${problems.map((p) => p.en).join('; ')}` },
      fix: { zh: `在「${place.zh}」加入管理员（或他们的部门、标签）。`, en: `Add the admins (or their department or tag) under ${place.en}.` },
    };
  }
  return { status: 'pass', detail: range };
}

export async function checkAdmins(ctx: DoctorContext): Promise<Finding> {
  const { adminTagId, adminUserIds } = ctx.config;
  const howTo = {
    zh: `设置 WECOM_ADMIN_TAG_ID 为管理员标签的ID（${consolePlaces.tags.zh}），或把管理员的账号写入 ADMIN_USERIDS（逗号分隔）。`,
    en: `Set WECOM_ADMIN_TAG_ID to the admins' tag id (${consolePlaces.tags.en}), or list their userids in ADMIN_USERIDS (comma-separated).`,
  };
  if (adminTagId === undefined && adminUserIds.length === 0) {
    return { status: 'warn', detail: { zh: '没有配置管理员：没有人能打开通讯录和本检查页', en: 'No admins are configured: nobody can open the directory or this page' }, fix: howTo };
  }
  if (!(await ctx.wecom.token()).ok) return NEEDS_TOKEN;

  const sources = await adminSources(ctx);
  const problems: Bilingual[] = [];
  const found: Bilingual[] = [];
  // A setup error WeCom answered (60020…) is fixed where its hint says, not in these variables.
  let refusal: WeComError | undefined = sources.tag?.error;
  if (sources.tag) {
    const { tag } = sources;
    if (tag.error) {
      const answer = wecomAnswer(tag.error);
      problems.push({ zh: `标签 ${tag.id} 读取失败：${answer.zh}`, en: `tag ${tag.id} could not be read: ${answer.en}` });
    } else if (tag.userids.length === 0 && tag.departments === 0) {
      problems.push({ zh: `标签「${tag.name || tag.id}」没有成员`, en: `tag "${tag.name || tag.id}" has no members` });
    } else {
      found.push({ zh: `标签「${tag.name || tag.id}」${tag.userids.length} 人、${tag.departments} 个部门`, en: `tag "${tag.name || tag.id}": ${tag.userids.length} member(s), ${tag.departments} department(s)` });
    }
  }
  if (sources.userids.length > 0) {
    const looked = await Promise.all(sources.userids.slice(0, MAX_ADMINS_LOOKED_UP).map(async (userid) => ({ userid, answer: await ctx.wecom.user(userid) })));
    // 60011: the member exists, outside the visible range (the visible-range check says so); 60111: no such member.
    const unknown = looked.filter((l) => !l.answer.ok && l.answer.error.kind === 'not_found').map((l) => l.userid);
    const refused = looked.find((l) => !l.answer.ok && l.answer.error.kind !== 'not_found' && l.answer.error.kind !== 'not_visible');
    const known = looked.filter((l) => l.answer.ok || l.answer.error.kind === 'not_visible').length;
    if (unknown.length > 0) problems.push({ zh: `ADMIN_USERIDS 中找不到 ${unknown.join(', ')}`, en: `ADMIN_USERIDS: ${unknown.join(', ')} not found` });
    if (refused && !refused.answer.ok) {
      const answer = wecomAnswer(refused.answer.error);
      problems.push({ zh: `ADMIN_USERIDS 无法核对：${answer.zh}`, en: `ADMIN_USERIDS cannot be checked: ${answer.en}` });
      refusal ??= refused.answer.error;
    }
    if (known > 0) found.push({ zh: `ADMIN_USERIDS ${known} 人`, en: `ADMIN_USERIDS: ${known} member(s)` });
  }
  const join = (parts: Bilingual[]) => ({ zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') });
  if (problems.length > 0) {
    const all = join([...problems, ...found]);
    const fix = refusal?.hint ?? howTo;
    return { status: 'warn', detail: { zh: `管理员：${all.zh}`, en: `Admins: ${all.en}` }, fix };
  }
  const all = join(found);
  return { status: 'pass', detail: { zh: `管理员：${all.zh}`, en: `Admins: ${all.en}` } };
}
