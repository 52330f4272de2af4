import { describe, expect, it } from 'vitest';
import { directoryBackHref, memberHrefFrom, memberPath, useridFromSegments } from '@/lib/admin/member-path';

describe('member page paths', () => {
  it.each(['li.na', 'wang-fang', 'liu_yang', 'chen.jie@hq', 'wwlinkedc0rp000002/zhao.lei'])('%s round-trips through its path', (userid) => {
    const segments = memberPath(userid).replace('/admin/members/', '').split('/');
    expect(useridFromSegments(segments)).toBe(userid);
  });

  it.each([
    ['malformed percent-encoding', ['%E0%A4%A']],
    ['a space', ['li na']],
    ['three parts', ['a', 'b', 'c']],
    ['too long', ['x'.repeat(65)]],
    ['a corp id with a dot', ['corp.x', 'li']],
  ])('refuses %s', (_, segments) => {
    expect(useridFromSegments(segments)).toBeNull();
  });
});

describe('"back to the directory" from a member page', () => {
  it('returns to the view the member was opened from', () => {
    const href = memberHrefFrom('li.na', '/admin?department=5&q=%E4%BD%95&page=2');
    expect(href).toBe('/admin/members/li.na?back=department%3D5%26q%3D%25E4%25BD%2595%26page%3D2');
    const back = new URL(href, 'http://x').searchParams.get('back') ?? undefined;
    expect(directoryBackHref(back)).toBe('/admin?department=5&q=%E4%BD%95&page=2');
    expect(memberHrefFrom('li.na', '/admin')).toBe('/admin/members/li.na');
  });

  it.each([
    ['nothing', undefined, '/admin'],
    ['another site', '//evil.example/x', '/admin'],
    ['keys the directory does not know', 'next=https://evil.example&department=3', '/admin?department=3'],
    ['values of the wrong shape', 'department=abc&page=-1&sub=1', '/admin'],
    ['a search too long', `q=${'x'.repeat(65)}`, '/admin'],
    ['two values', ['q=a', 'q=b'], '/admin'],
  ])('keeps only the view from %s', (_, back, expected) => {
    expect(directoryBackHref(back as string | string[] | undefined)).toBe(expected);
  });
});
