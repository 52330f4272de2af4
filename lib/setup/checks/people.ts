import type { Bilingual } from '@/lib/i18n/locale';
import type { WeComError } from '@/lib/wecom/errors';
import type { Finding } from '../report';
import { skipped } from '../report';
import { consolePlaces } from '../console-places';
import { appName, wecomAnswer, type DoctorContext } from '../context';

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
  const agent = await ctx.wecom.agent();
  if (!agent.ok) return skipped({ zh: 'agent/get 没有回答', en: 'agent/get did not answer' });
  const users = agent.value.allow_userinfos.user.length;
  const departments = agent.value.allow_partys.partyid.length;
  const tags = agent.value.allow_tags.tagid.length;
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
  // WeCom answers user/get with 60011 for a member outside the range: the ground truth, whatever the range is made of.
  const looked = await Promise.all(admins(await adminSources(ctx)).map(async (userid) => ({ userid, answer: await ctx.wecom.user(userid) })));
  const outside = looked.filter((l) => !l.answer.ok && l.answer.error.errcode === 60011).map((l) => l.userid);
  if (outside.length > 0) {
    const names = outside.join(', ');
    return {
      status: 'warn',
      detail: { zh: `${range.zh}；管理员 ${names} 不在其中，无法登录本应用`, en: `${range.en}; admin(s) ${names} are outside it and cannot sign in` },
      fix: { zh: `在「${place.zh}」加入 ${names}（或他们的部门、标签）。`, en: `Add ${names} (or their department or tag) under ${place.en}.` },
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
  if (!(await ctx.wecom.token()).ok) return skipped({ zh: '需要先通过 access_token 检查', en: 'Needs the access_token check to pass first' });

  const sources = await adminSources(ctx);
  const problems: Bilingual[] = [];
  const found: Bilingual[] = [];
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
    // 60011 means the member exists but is outside the visible range: the visible-range check says so.
    const unknown = looked.filter((l) => !l.answer.ok && l.answer.error.errcode !== 60011).map((l) => l.userid);
    const known = looked.length - unknown.length;
    if (unknown.length > 0) problems.push({ zh: `ADMIN_USERIDS 中找不到 ${unknown.join(', ')}`, en: `ADMIN_USERIDS: ${unknown.join(', ')} not found` });
    if (known > 0) found.push({ zh: `ADMIN_USERIDS ${known} 人`, en: `ADMIN_USERIDS: ${known} member(s)` });
  }
  const join = (parts: Bilingual[]) => ({ zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') });
  if (problems.length > 0) {
    const all = join([...problems, ...found]);
    return { status: 'warn', detail: { zh: `管理员：${all.zh}`, en: `Admins: ${all.en}` }, fix: howTo };
  }
  const all = join(found);
  return { status: 'pass', detail: { zh: `管理员：${all.zh}`, en: `Admins: ${all.en}` } };
}
