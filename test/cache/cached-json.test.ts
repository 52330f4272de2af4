import { describe, expect, it } from 'vitest';
import { cachedJson } from '@/lib/cache/cached';
import { MemoryStore } from '@/lib/cache/store';

const departments = (n: number, name: string) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `${name} ${i}`, parentid: 1 }));
const neverLoads = async (): Promise<never> => {
  throw new Error('a stored value must not be loaded again');
};

describe('cachedJson', () => {
  it('loads once, then answers from the store within the lifetime', async () => {
    const store = new MemoryStore();
    let loads = 0;
    const load = async () => ({ loads: ++loads });
    expect(await cachedJson(store, 'k', 60, load)).toEqual({ loads: 1 });
    expect(await cachedJson(store, 'k', 60, load)).toEqual({ loads: 1 });
    expect(loads).toBe(1);
  });

  it('a large value is parsed once per stored text, and a changed text is read anew', async () => {
    const store = new MemoryStore();
    await store.set('departments', JSON.stringify(departments(1500, 'before')), 60);
    const first = await cachedJson(store, 'departments', 60, neverLoads);
    expect(first).toHaveLength(1500);
    // The same parsed list again: no second 200 KB parse while the store holds the same text.
    expect(await cachedJson(store, 'departments', 60, neverLoads)).toBe(first);

    // An event dropped it and a fresh read stored another list: that one is what readers get.
    await store.set('departments', JSON.stringify(departments(1500, 'after')), 60);
    const changed = await cachedJson<{ name: string }[]>(store, 'departments', 60, neverLoads);
    expect(changed).not.toBe(first);
    expect(changed[0].name).toBe('after 0');
  });

  it('an equal text from another read (as Redis gives) reuses the parsed value; a small value is parsed every time', async () => {
    const store = new MemoryStore();
    const text = JSON.stringify(departments(1500, 'same'));
    await store.set('big', text, 60);
    const first = await cachedJson(store, 'big', 60, neverLoads);
    await store.set('big', (' ' + text).slice(1), 60);
    expect(await cachedJson(store, 'big', 60, neverLoads)).toBe(first);

    await store.set('small', JSON.stringify({ name: 'one member' }), 60);
    const small = await cachedJson(store, 'small', 60, neverLoads);
    expect(await cachedJson(store, 'small', 60, neverLoads)).not.toBe(small);
  });
});
