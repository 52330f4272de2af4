/**
 * What the admin directory shows, kept in its address:
 * `/admin?department=5&q=何&sub=0&page=2`. The address is the only copy of this state, so back,
 * forward, reload and a link sent to a colleague reopen the same view. The page's first HTML and
 * the browser both read it with `directoryViewFromSearchParams`, so they cannot disagree.
 *
 * Reading never throws: an address is typed, pasted and edited by people, so a value nobody can
 * have meant (an unknown department, page 0, sub=maybe) is read as the default instead.
 */
export interface DirectoryView {
  departmentId: number;
  /** Trimmed, at most MAX_QUERY_LENGTH UTF-16 units (what the members API takes). */
  query: string;
  includeSubDepartments: boolean;
  /** 1-based. */
  page: number;
}

export const MEMBERS_PER_PAGE = 50;
export const MAX_QUERY_LENGTH = 64;
/** The members API takes offsets up to 1,000,000: a larger page number is a typo, not a page. */
export const LAST_ADDRESSABLE_PAGE = Math.floor(1_000_000 / MEMBERS_PER_PAGE);

/** What parsing needs of a department: the tree's shape. */
export interface DepartmentNode {
  id: number;
  parentid: number;
}

/** `URLSearchParams`, Next's read-only variant, or a page's `searchParams` object. */
export type SearchParamsInput = Pick<URLSearchParams, 'get'> | Record<string, string | string[] | undefined>;

/** The department a view without `department=` shows: the top of the visible tree. */
export function rootDepartmentId(departments: readonly DepartmentNode[]): number {
  const ids = new Set(departments.map((d) => d.id));
  return departments.find((d) => !ids.has(d.parentid))?.id ?? 1;
}

export function defaultDirectoryView(departments: readonly DepartmentNode[]): DirectoryView {
  return { departmentId: rootDepartmentId(departments), query: '', includeSubDepartments: true, page: 1 };
}

export function directoryViewFromSearchParams(params: SearchParamsInput, departments: readonly DepartmentNode[]): DirectoryView {
  const defaults = defaultDirectoryView(departments);
  const department = wholeNumber(first(params, 'department'));
  const page = wholeNumber(first(params, 'page'));
  const sub = first(params, 'sub');
  return {
    departmentId: department !== null && departments.some((d) => d.id === department) ? department : defaults.departmentId,
    query: cappedQuery(first(params, 'q') ?? ''),
    includeSubDepartments: sub === '0' ? false : sub === '1' ? true : defaults.includeSubDepartments,
    page: page !== null && page <= LAST_ADDRESSABLE_PAGE ? page : defaults.page,
  };
}

/** The address of a view, defaults left out: the plain directory is just `/admin`. */
export function searchParamsOfDirectoryView(view: DirectoryView, departments: readonly DepartmentNode[]): URLSearchParams {
  const defaults = defaultDirectoryView(departments);
  const params = new URLSearchParams();
  if (view.departmentId !== defaults.departmentId) params.set('department', String(view.departmentId));
  const query = cappedQuery(view.query);
  if (query) params.set('q', query);
  if (view.includeSubDepartments !== defaults.includeSubDepartments) params.set('sub', view.includeSubDepartments ? '1' : '0');
  if (view.page > 1) params.set('page', String(view.page));
  return params;
}

export function directoryHref(view: DirectoryView, departments: readonly DepartmentNode[]): string {
  const search = searchParamsOfDirectoryView(view, departments).toString();
  return search ? `/admin?${search}` : '/admin';
}

/** The members API request for a view: also the list's SWR key, so the list follows the address. */
export function memberListKey(view: DirectoryView): string {
  const params = new URLSearchParams({
    department: String(view.departmentId),
    children: view.includeSubDepartments ? '1' : '0',
    q: view.query,
    offset: String((view.page - 1) * MEMBERS_PER_PAGE),
    limit: String(MEMBERS_PER_PAGE),
  });
  return `/api/admin/members?${params}`;
}

/** The last page of a list of `total` members; an empty list still has page 1. */
export function lastPageOf(total: number): number {
  return Math.max(1, Math.ceil(total / MEMBERS_PER_PAGE));
}

function first(params: SearchParamsInput, name: string): string | null {
  if (typeof params.get === 'function') return (params as Pick<URLSearchParams, 'get'>).get(name);
  const value = (params as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** 1, 2, 3 … written plainly: no sign, no leading zero, no exponent, no more digits than any id. */
function wholeNumber(text: string | null): number | null {
  return text !== null && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null;
}

/** A search text as the address keeps it: trimmed, and cut to what the members API takes. */
export function cappedQuery(text: string): string {
  let query = text.trim().slice(0, MAX_QUERY_LENGTH);
  // Cutting between the halves of a surrogate pair would leave a character no server accepts.
  if (/[\uD800-\uDBFF]$/.test(query)) query = query.slice(0, -1);
  return query.trim();
}
