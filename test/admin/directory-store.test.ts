import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore, type CacheStore } from '@/lib/cache/store';
import { mockTenantEnv } from '@/mock/tenant-env';
import { useMockWeCom } from '../support/use-mock';

/**
 * The shared directory as instances of the app see it: each "instance" is a fresh load of
 * lib/admin/directory-store.ts (its own in-process copy), all sharing one cache store, as
 * instances share Redis. The store counts what each read fetched.
 */
class CountingStore extends MemoryStore {
  readonly reads: string[] = [];
  readonly bytesRead: number[] = [];
  async get(key: string): Promise<string | null> {
    const value = await super.get(key);
    this.reads.push(key.split(':').slice(3, 6).join(':'));
    this.bytesRead.push(value?.length ?? 0);
    return value;
  }
  take(): string[] {
    const reads = [...this.reads];
    this.reads.length = 0;
    this.bytesRead.length = 0;
    return reads;
  }
}

const mock = useMockWeCom();
let store: CountingStore;
const holder = globalThis as { __wecomCacheStore?: CacheStore; __wecomClient?: unknown };

async function startInstance() {
  vi.resetModules();
  return import('@/lib/admin/directory-store');
}

const userListCalls = async () => (await mock.control.counters())['/cgi-bin/user/list'] ?? 0;

beforeAll(() => {
  Object.assign(process.env, mockTenantEnv(mock.url), { SESSION_SECRET: 'x'.repeat(40), DATA_CACHE_SECONDS: '600' });
});
afterAll(() => {
  delete holder.__wecomCacheStore;
  delete holder.__wecomClient;
});
beforeEach(() => {
  store = new CountingStore();
  holder.__wecomCacheStore = store;
  // The client is per mock URL, which stays; a fresh one starts without the token of a reset mock.
  delete holder.__wecomClient;
});

describe('the shared admin directory', () => {
  it('once warm, an admin request reads only the small version record; a new instance fetches the full read once', async () => {
    const first = await startInstance();
    const built = await first.getDirectoryIndex();
    const callsOfOneRead = await userListCalls();
    expect(callsOfOneRead).toBe(built.departments.length);
    store.take();

    await first.getDirectoryIndex();
    await first.getDirectoryIndex();
    expect(store.take()).toEqual(['data:directory:version', 'data:directory:version']);

    const second = await startInstance();
    expect((await second.getDirectoryIndex()).members).toEqual(built.members);
    await second.getDirectoryIndex();
    expect(store.take()).toEqual(['data:directory:version', 'data:directory:full', 'data:directory:part', 'data:directory:version']);
    // Neither instance asked WeCom again.
    expect(await userListCalls()).toBe(callsOfOneRead);
  });

  it('a change WeCom announced reaches the other instances as one logged change, with no new full read', async () => {
    const first = await startInstance();
    const second = await startInstance();
    await first.getDirectoryIndex();
    await second.getDirectoryIndex();
    const callsBefore = await userListCalls();

    await mock.control.updateMember('hejing', { position: '架构师' });
    await first.refreshDirectoryMember('hejing');
    store.take();
    const seen = await second.getDirectoryIndex();
    expect(seen.members.find((m) => m.userid === 'hejing')?.position).toBe('架构师');
    expect(store.take()).toEqual(['data:directory:version', 'data:directory:change']);
    expect(await userListCalls()).toBe(callsBefore);
  });

  it('a member removed and a department renamed show on every instance with the counts following', async () => {
    const first = await startInstance();
    const second = await startInstance();
    const before = await second.getDirectoryIndex();
    const hejing = before.members.find((m) => m.userid === 'hejing')!;
    const department = before.departments.find((d) => d.id === hejing.departments[0])!;

    await first.removeDirectoryMember('hejing');
    await mock.control.updateDepartment(department.id, { name: '后端平台组' });
    await first.refreshDirectoryDepartments();

    const after = await second.getDirectoryIndex();
    expect(after.members.some((m) => m.userid === 'hejing')).toBe(false);
    const renamed = after.departments.find((d) => d.id === department.id)!;
    expect(renamed).toMatchObject({ name: '后端平台组', directCount: department.directCount - 1, totalCount: department.totalCount - 1 });
  });

  it('instances that start cold together share one full read of WeCom', async () => {
    const instances = await Promise.all([startInstance(), startInstance(), startInstance()]);
    const indexes = await Promise.all(instances.flatMap((instance) => [instance.getDirectoryIndex(), instance.getDirectoryIndex()]));
    expect(new Set(indexes.map((index) => index.builtAt)).size).toBe(1);
    expect((await mock.control.counters())['/cgi-bin/department/list']).toBe(1);
  });

  it('a full read that replaces the directory drops the old copy and its changes from the store', async () => {
    const first = await startInstance();
    await first.getDirectoryIndex();
    await first.refreshDirectoryMember('hejing');
    await first.rebuildNow();
    const kept = [...(store as unknown as { entries: Map<string, unknown> }).entries.keys()].filter((key) => key.includes(':directory:'));
    expect(kept.map((key) => key.split(':').slice(4, 6).join(':')).sort()).toEqual(['directory:full', 'directory:part', 'directory:version']);
  });
});
