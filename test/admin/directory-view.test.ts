import { describe, expect, it } from 'vitest';
import {
  LAST_ADDRESSABLE_PAGE,
  directoryHref,
  directoryViewFromSearchParams,
  lastPageOf,
  memberListKey,
  rootDepartmentId,
  searchParamsOfDirectoryView,
  type DirectoryView,
} from '@/lib/admin/directory-view';

/** A company (1) with 技术中心 (3) and its 前端组 (5). */
const departments = [
  { id: 1, parentid: 0 },
  { id: 3, parentid: 1 },
  { id: 5, parentid: 3 },
];
const defaults: DirectoryView = { departmentId: 1, query: '', includeSubDepartments: true, page: 1 };
const parse = (search: string) => directoryViewFromSearchParams(new URLSearchParams(search), departments);

describe('the directory view in the address', () => {
  it('reads every part of a full address', () => {
    expect(parse('department=5&q=%E4%BD%95&sub=0&page=3')).toEqual({ departmentId: 5, query: '何', includeSubDepartments: false, page: 3 });
  });

  it('reads an empty address as the whole company, first page', () => {
    expect(parse('')).toEqual(defaults);
  });

  it('reads a page\'s searchParams object the same way, repeated keys by their first value', () => {
    expect(directoryViewFromSearchParams({ department: ['3', '5'], q: 'grace', sub: '1', page: '2' }, departments)).toEqual({
      departmentId: 3,
      query: 'grace',
      includeSubDepartments: true,
      page: 2,
    });
    // A parameter named like URLSearchParams' method is still only a parameter.
    expect(directoryViewFromSearchParams({ get: 'x', department: '5' }, departments).departmentId).toBe(5);
  });

  it.each([
    ['an unknown department', 'department=999'],
    ['a department that is not a number', 'department=abc'],
    ['a negative department', 'department=-3'],
    ['department 0', 'department=0'],
    ['a department with a leading zero', 'department=05'],
    ['a department in exponent form', 'department=5e0'],
    ['an empty department', 'department='],
    ['a department too long to be an id', `department=${'9'.repeat(400)}`],
  ])('reads %s as the whole company', (_, search) => {
    expect(parse(search).departmentId).toBe(1);
  });

  it.each([
    ['page 0', 'page=0'],
    ['page -1', 'page=-1'],
    ['page abc', 'page=abc'],
    ['a fractional page', 'page=2.5'],
    ['page Infinity', 'page=Infinity'],
    ['page 1e3', 'page=1e3'],
    ['a huge page', 'page=99999999999999999999999'],
    ['a page past the last the API can address', `page=${LAST_ADDRESSABLE_PAGE + 1}`],
    ['an empty page', 'page='],
  ])('reads %s as page 1', (_, search) => {
    expect(parse(search).page).toBe(1);
  });

  it('keeps a page past the end of a short list: the list then shows its last page', () => {
    expect(parse('page=999').page).toBe(999);
    expect(parse(`page=${LAST_ADDRESSABLE_PAGE}`).page).toBe(LAST_ADDRESSABLE_PAGE);
  });

  it.each(['garbage', '', 'true', '2', 'no'])('reads sub=%s as "with sub-departments"', (sub) => {
    expect(parse(`sub=${sub}`).includeSubDepartments).toBe(true);
  });

  it('trims the query and cuts it to what the members API takes, never inside a character', () => {
    expect(parse('q=+%20zhang%20wei%20+').query).toBe('zhang wei');
    expect(parse(`q=${'x'.repeat(100)}`).query).toHaveLength(64);
    // 63 ASCII characters then an emoji (two UTF-16 units): the emoji goes whole.
    const cut = parse(`q=${'x'.repeat(63)}${encodeURIComponent('😀')}`).query;
    expect(cut).toBe('x'.repeat(63));
    expect(parse('q=%E4%BD%95%E9%9D%99').query).toBe('何静');
  });

  it('survives percent-encoding URLSearchParams cannot decode', () => {
    expect(parse('q=%E0%A4%A&page=%ZZ&department=%')).toMatchObject({ departmentId: 1, page: 1 });
  });

  it('takes the top of the visible tree as the default department, whatever its id', () => {
    const visibleOnly = [
      { id: 3, parentid: 1 },
      { id: 5, parentid: 3 },
    ];
    expect(rootDepartmentId(visibleOnly)).toBe(3);
    expect(directoryViewFromSearchParams(new URLSearchParams('department=1'), visibleOnly).departmentId).toBe(3);
    expect(rootDepartmentId([])).toBe(1);
  });
});

describe('the address of a directory view', () => {
  it('leaves every default out', () => {
    expect(searchParamsOfDirectoryView(defaults, departments).toString()).toBe('');
    expect(directoryHref(defaults, departments)).toBe('/admin');
  });

  it('writes what differs from the default, in a fixed order', () => {
    const view = { departmentId: 5, query: '何 静', includeSubDepartments: false, page: 2 };
    expect(directoryHref(view, departments)).toBe('/admin?department=5&q=%E4%BD%95+%E9%9D%99&sub=0&page=2');
  });

  it.each([
    { departmentId: 5, query: '', includeSubDepartments: true, page: 1 },
    { departmentId: 1, query: 'chen.jie@hq', includeSubDepartments: true, page: 7 },
    { departmentId: 3, query: 'a&b=c#d', includeSubDepartments: false, page: 1 },
    { departmentId: 1, query: '+ 100%', includeSubDepartments: true, page: LAST_ADDRESSABLE_PAGE },
  ])('round-trips %o', (view) => {
    expect(parse(searchParamsOfDirectoryView(view, departments).toString())).toEqual(view);
  });
});

describe('the member list request of a view', () => {
  it('asks the members API for the view\'s page', () => {
    const key = memberListKey({ departmentId: 5, query: '何', includeSubDepartments: false, page: 3 });
    const url = new URL(key, 'http://app.invalid');
    expect(url.pathname).toBe('/api/admin/members');
    expect(Object.fromEntries(url.searchParams)).toEqual({ department: '5', children: '0', q: '何', offset: '100', limit: '50' });
  });

  it('is the same for two addresses that mean the same view, so the list is fetched once', () => {
    expect(memberListKey(parse('page=1&sub=1&q=%20'))).toBe(memberListKey(parse('')));
  });

  it('counts pages from the total, an empty list having one', () => {
    expect([0, 1, 50, 51, 100, 19_987].map(lastPageOf)).toEqual([1, 1, 1, 2, 2, 400]);
  });
});
