import { describe, expect, it } from 'vitest';
import { MemoryStore } from '@/lib/cache/store';

describe('MemoryStore lock primitives', () => {
  it('setIfAbsent stores only when the key is empty or expired', async () => {
    let now = 1_000;
    const store = new MemoryStore(() => now);
    expect(await store.setIfAbsent('lock', 'a', 5)).toBe(true);
    expect(await store.setIfAbsent('lock', 'b', 5)).toBe(false);
    expect(await store.get('lock')).toBe('a');
    now += 5_000;
    expect(await store.setIfAbsent('lock', 'b', 5)).toBe(true);
    expect(await store.get('lock')).toBe('b');
  });

  it('deleteIfEquals deletes only the expected value', async () => {
    const store = new MemoryStore();
    await store.set('token', 'fresh', 60);
    expect(await store.deleteIfEquals('token', 'stale')).toBe(false);
    expect(await store.get('token')).toBe('fresh');
    expect(await store.deleteIfEquals('token', 'fresh')).toBe(true);
    expect(await store.get('token')).toBeNull();
    expect(await store.deleteIfEquals('token', 'fresh')).toBe(false);
  });

  it('concurrent setIfAbsent calls have exactly one winner', async () => {
    const store = new MemoryStore();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.setIfAbsent('lock', String(i), 5)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('MemoryStore raiseTo', () => {
  it('stores a larger number and never moves a stored one back', async () => {
    const store = new MemoryStore();
    expect(await store.raiseTo('not-before', 1_800_000_005_000, 60)).toBe(1_800_000_005_000);
    expect(await store.raiseTo('not-before', 1_800_000_001_999, 60)).toBe(1_800_000_005_000);
    expect(await store.get('not-before')).toBe('1800000005000');
    expect(await store.raiseTo('not-before', 1_800_000_009_999, 60)).toBe(1_800_000_009_999);
    expect(await store.get('not-before')).toBe('1800000009999');
  });

  it('an older value does not extend the newer one\'s expiry, and once it has expired any value is stored', async () => {
    let now = 1_000;
    const store = new MemoryStore(() => now);
    await store.raiseTo('not-before', 500, 10);
    now += 9_000;
    await store.raiseTo('not-before', 400, 10);
    now += 1_000;
    expect(await store.get('not-before')).toBeNull();
    expect(await store.raiseTo('not-before', 400, 10)).toBe(400);
  });

  it('concurrent raises end at the largest, whatever their order', async () => {
    const store = new MemoryStore();
    const values = [7, 3, 9, 1, 8, 2];
    await Promise.all(values.map((v) => store.raiseTo('n', v, 60)));
    expect(await store.get('n')).toBe('9');
  });
});
