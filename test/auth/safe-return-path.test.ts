import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/auth/safe-return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/', '/'],
    ['/admin/members/chen.jie%40hq?tab=1', '/admin/members/chen.jie%40hq?tab=1'],
    ['/a/../b', '/b'],
  ])('keeps the on-site path %s', (input, expected) => expect(safeReturnPath(input)).toBe(expected));

  it.each([
    '//evil.example',
    '//evil.example/path',
    'https://evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'evil.example',
    '',
    null,
    undefined,
    '/%0a/evil',
  ])('sends %s to "/"', (input) => {
    const result = safeReturnPath(input);
    expect(result === '/' || (result.startsWith('/') && !result.startsWith('//'))).toBe(true);
    expect(new URL(result, 'https://portal.example.com').origin).toBe('https://portal.example.com');
  });

  it('rejects scheme and protocol-relative forms outright', () => {
    for (const input of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      expect(safeReturnPath(input)).toBe('/');
    }
  });
});
