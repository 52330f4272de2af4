import type { Locale } from '@/lib/i18n/locale';
import type { ExtAttr, WeComDepartment, WeComUser, WeComUserDetail } from '@/lib/wecom/schemas';

/** A department's name in the reader's language: WeCom's English name where the company set one. */
export function departmentName(department: Pick<WeComDepartment, 'name' | 'name_en'>, locale: Locale): string {
  return locale === 'en' && department.name_en ? department.name_en : department.name;
}

/**
 * A member's profile as the page shows it: department names instead of ids, leaders by
 * name, and each privacy-restricted field either shared or explicitly withheld.
 */
export type PrivateField = { shared: true; value: string } | { shared: false };

export const PRIVATE_FIELDS = ['mobile', 'email', 'biz_mail', 'gender', 'address', 'avatar', 'qr_code'] as const;
export type PrivateFieldName = (typeof PRIVATE_FIELDS)[number];

export interface ProfileView {
  userid: string;
  name: string;
  alias?: string;
  position?: string;
  status?: number;
  linkedCorpId?: string;
  telephone?: string;
  /** `path`: the names above it, from the top level down (the company itself left out), e.g. 技术中心 / 平台研发部. */
  departments: { id: number; name: string; path: string[]; isLeader: boolean; isMain: boolean }[];
  mainDepartment?: string;
  directLeaders: { userid: string; name: string }[];
  private: Record<PrivateFieldName, PrivateField>;
  extattrs: ExtAttr[];
  externalPosition?: string;
  externalProfile?: {
    corpName?: string;
    wechatChannels?: string;
    attrs: ExtAttr[];
  };
}

interface DepartmentIndex {
  namesById: Map<number, string>;
  parentOf: Map<number, number>;
}

/**
 * Names and parents by id, built once per department list and language: the data cache hands
 * back the same parsed list until it changes (lib/cache/cached.ts), and at 1,500 departments
 * rebuilding these on every profile view would cost more than rendering it.
 */
const indexes = new WeakMap<WeComDepartment[], Map<Locale, DepartmentIndex>>();

function departmentIndex(departments: WeComDepartment[], locale: Locale): DepartmentIndex {
  let byLocale = indexes.get(departments);
  if (!byLocale) indexes.set(departments, (byLocale = new Map()));
  let index = byLocale.get(locale);
  if (!index) {
    index = {
      namesById: new Map(departments.map((d) => [d.id, departmentName(d, locale)])),
      parentOf: new Map(departments.map((d) => [d.id, d.parentid])),
    };
    byLocale.set(locale, index);
  }
  return index;
}

export function buildProfileView(
  user: WeComUser,
  departments: WeComDepartment[],
  leaders: { userid: string; name: string }[],
  detail: WeComUserDetail | null,
  locale: Locale = 'zh',
): ProfileView {
  const { namesById, parentOf } = departmentIndex(departments, locale);
  const ids = user.department ?? [];
  const leaderFlags = user.is_leader_in_dept ?? [];
  const slash = user.userid.indexOf('/');

  const privateFields = Object.fromEntries(
    PRIVATE_FIELDS.map((field) => {
      // Consented detail wins; without consent getuserdetail gives gender "0", which says nothing.
      const fromDetail = detail?.[field];
      const value = fromDetail && !(field === 'gender' && fromDetail === '0') ? fromDetail : user[field];
      return [field, value ? { shared: true, value } : { shared: false }];
    }),
  ) as Record<PrivateFieldName, PrivateField>;

  const external = user.external_profile;
  return {
    userid: user.userid,
    name: user.name,
    alias: user.alias || undefined,
    position: user.position || undefined,
    status: user.status,
    linkedCorpId: slash > 0 ? user.userid.slice(0, slash) : undefined,
    telephone: user.telephone || undefined,
    departments: ids
      .map((id, i) => ({
        id,
        name: namesById.get(id) ?? `#${id}`,
        path: ancestorNames(id, parentOf, namesById),
        isLeader: leaderFlags[i] === 1,
        isMain: id === user.main_department,
      }))
      // 0 stands for no department (a linked corp's member): nothing to show.
      .filter((d) => d.id > 0),
    // 0 is WeCom's "none" (a linked corp's member has no local department).
    mainDepartment: !user.main_department ? undefined : (namesById.get(user.main_department) ?? `#${user.main_department}`),
    directLeaders: leaders,
    private: privateFields,
    extattrs: user.extattr?.attrs ?? [],
    externalPosition: user.external_position || undefined,
    externalProfile: external
      ? {
          corpName: external.external_corp_name || undefined,
          wechatChannels: external.wechat_channels?.nickname || undefined,
          attrs: external.external_attr ?? [],
        }
      : undefined,
  };
}

/** Names of the departments above `id`, top first; the root (the company) is left out, and a loop or a gap ends the walk. */
function ancestorNames(id: number, parentOf: Map<number, number>, namesById: Map<number, string>): string[] {
  const names: string[] = [];
  const seen = new Set([id]);
  for (let parent = parentOf.get(id); parent !== undefined && parentOf.get(parent) !== undefined && parentOf.get(parent) !== 0 && !seen.has(parent); parent = parentOf.get(parent)) {
    seen.add(parent);
    names.unshift(namesById.get(parent) ?? `#${parent}`);
  }
  return names;
}
