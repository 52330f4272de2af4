import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startMockWeCom, type MockWeCom, type MockWeComOptions } from '@/mock/server';
import { mockControl } from '@/mock/control-client';

/**
 * A mock of WeCom for one test file, over real HTTP: started before the file, reset
 * before each test (fresh tokens, codes, faults and counters), closed after.
 */
export function useMockWeCom(options: MockWeComOptions = {}) {
  let mock: MockWeCom | undefined;
  let control: ReturnType<typeof mockControl> | undefined;
  beforeAll(async () => {
    mock = await startMockWeCom({ quiet: true, ...options });
    control = mockControl(mock.url);
  });
  afterAll(() => mock?.close());
  beforeEach(() => control!.reset());
  return {
    get url() {
      return mock!.url;
    },
    get control() {
      return control!;
    },
  };
}
