import { describe, expect, it } from 'vitest';
import { memberPath, useridFromSegments } from '@/lib/admin/member-path';

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
