import { describe, expect, it } from 'vitest';
import { decodeChanges, decodeHead, decodePart, encodeChanges, encodeFullRead, MEMBERS_PER_PART } from '@/lib/admin/directory-encoding';
import type { DirectoryIndex } from '@/lib/admin/directory-index';

const index: DirectoryIndex = {
  builtAt: 1_700_000_000_000,
  departments: [{ id: 1, name: '公司', parentid: 0, directCount: 0, totalCount: 25_001 }],
  members: Array.from({ length: 25_001 }, (_, i) => ({
    userid: `u${i}`,
    name: `成员${i}`,
    ...(i % 2 ? { alias: `Member ${i}` } : {}),
    ...(i % 3 ? { position: '工程师' } : {}),
    status: i % 7 ? 1 : 2,
    departments: i % 5 ? [1] : [1, 2],
  })),
};

describe('the stored directory', () => {
  it('travels in parts of 10,000 members and comes back the same', async () => {
    const encoded = await encodeFullRead(index);
    expect(encoded.parts).toHaveLength(Math.ceil(25_001 / MEMBERS_PER_PART));
    expect(Math.max(...encoded.parts.map((part) => part.length))).toBeLessThan(1_000_000);
    const head = decodeHead(encoded.head)!;
    expect(head).toEqual({ builtAt: index.builtAt, departments: index.departments, parts: 3 });
    expect(encoded.parts.flatMap((part) => decodePart(part)!)).toEqual(index.members);
  });

  it('a value of another format or a damaged one reads as absent, so it is read from WeCom again', async () => {
    const encoded = await encodeFullRead(index);
    expect(decodeHead(encoded.head.replace('"format":2', '"format":1'))).toBeNull();
    expect(decodePart(encoded.parts[0].slice(0, 100))).toBeNull();
    expect(decodeHead(JSON.stringify({ directory_index: true }))).toBeNull();
    expect(decodeChanges(encodeChanges([{ kind: 'member', userid: 'u1', member: null }]))).toEqual([{ kind: 'member', userid: 'u1', member: null }]);
    expect(decodeChanges('{"format":2}')).toBeNull();
  });
});
