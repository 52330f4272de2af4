import { MemoryStore } from '@/lib/cache/store';
import { WeComClient } from '@/lib/wecom/client';
import { MOCK_APPS, MOCK_CORP_ID } from '@/mock/credentials';

/** A client for the mock's first app, with a cold cache of its own. */
export function clientFor(mockUrl: string, overrides: Partial<ConstructorParameters<typeof WeComClient>[0]> = {}) {
  return new WeComClient({
    corpId: MOCK_CORP_ID,
    agentId: MOCK_APPS[0].agentId,
    secret: MOCK_APPS[0].secret,
    apiBase: mockUrl,
    timeoutMs: 2000,
    store: new MemoryStore(),
    busyRetryBaseMs: 5,
    ...overrides,
  });
}
