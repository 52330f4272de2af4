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
