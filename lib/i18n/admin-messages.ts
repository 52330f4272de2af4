import type { Locale } from './locale';

/** Strings of the admin area, zh (default) and en. Plain data: they are passed to client components. */
const zh = {
  nav: '通讯录',
  myProfile: '我的资料',
  title: '成员通讯录',
  departments: '部门',
  includeSub: '包含子部门',
  searchPlaceholder: '搜索姓名、账号、别名或职务',
  members: (n: number) => `${n} 名成员`,
  noMembers: '没有符合条件的成员',
  pastLastPage: (last: number) => `这一页之后没有更多成员，正在转到最后一页（第 ${last} 页）…`,
  loading: '加载中…',
  refresh: '刷新',
  refreshing: '正在刷新…',
  refreshFailed: (reason: string) => `刷新失败（${reason}），仍显示上次读取的通讯录。`,
  previous: '上一页',
  next: '下一页',
  pageOf: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
  pages: '分页',
  jumpTo: '跳到第几页',
  jumpPlaceholder: '页码',
  searchEverywhere: (q: string) => `在全公司搜索“${q}”`,
  loadFailed: '加载失败，请重试。',
  retry: '重试',
  collapse: '收起',
  expand: '展开',
  forbiddenTitle: '此区域仅供应用管理员使用',
  forbiddenBody: '你没有访问通讯录的权限。如需开通，请联系企业微信管理员。',
  backToProfile: '返回我的资料',
  notVisibleTitle: '该成员不在应用的可见范围内',
  notVisibleBody: '企业微信没有向本应用开放这位成员的资料（错误码 60011）。可在管理后台调整应用的可见范围。',
  badUseridTitle: '成员账号格式不正确',
  badUseridBody: '企业微信账号只包含字母、数字和 . - _ @，互联企业成员为“企业ID/账号”。',
  backToDirectory: '返回通讯录',
};

type AdminMessages = typeof zh;

const en: AdminMessages = {
  nav: 'Directory',
  myProfile: 'My profile',
  title: 'Member directory',
  departments: 'Departments',
  includeSub: 'Include sub-departments',
  searchPlaceholder: 'Search name, userid, alias or position',
  members: (n) => `${n} member${n === 1 ? '' : 's'}`,
  noMembers: 'No member matches',
  pastLastPage: (last) => `There are no more members past this page; going to the last page (${last})…`,
  loading: 'Loading…',
  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  refreshFailed: (reason: string) => `Refresh failed (${reason}); still showing the directory as last read.`,
  previous: 'Previous',
  next: 'Next',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  pages: 'Pages',
  jumpTo: 'Go to page',
  jumpPlaceholder: 'Page',
  searchEverywhere: (q) => `Search the whole company for “${q}”`,
  loadFailed: 'Could not load; please try again.',
  retry: 'Try again',
  collapse: 'Collapse',
  expand: 'Expand',
  forbiddenTitle: "This area is for the app's admins",
  forbiddenBody: 'You do not have access to the directory. Ask your WeCom administrator if you need it.',
  backToProfile: 'Back to my profile',
  notVisibleTitle: "This member is outside the app's visible range",
  notVisibleBody: "WeCom does not share this member's profile with this app (errcode 60011). The app's visible range can be changed in the admin console.",
  badUseridTitle: 'Malformed userid',
  badUseridBody: 'WeCom userids contain only letters, digits and . - _ @; members of linked companies are "CorpId/userid".',
  backToDirectory: 'Back to the directory',
};

export function adminMessagesFor(locale: Locale): AdminMessages {
  return locale === 'en' ? en : zh;
}
export type { AdminMessages };
