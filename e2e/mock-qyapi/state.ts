// All mutable state of one mock instance. Nothing lives at module level, so several mocks can run
// in one process (parallel test files) without seeing each other's tokens or faults.

import { setTimeout as wait } from 'node:timers/promises';
import { createMockClock } from './clock';
import type { Directory } from './directory';
import { createFaultPlan } from './faults';
import { createGrants } from './grants';
import type { MockSettings } from './settings';

/** Who "holds the phone" when a login page opens; undefined shows the chooser. */
export type PreselectedIdentity =
  | { kind: 'member'; userid: string }
  | { kind: 'nonMember' }
  | { kind: 'refuse' }
  | undefined;

export interface MockState {
  readonly directory: Directory;
  /** Origin of this mock, used in avatar and QR URLs. Set once the port is known. */
  origin: string;
  settings: MockSettings;
  identity: PreselectedIdentity;
  readonly clock: ReturnType<typeof createMockClock>;
  readonly grants: ReturnType<typeof createGrants>;
  readonly faults: ReturnType<typeof createFaultPlan>;
  readonly counters: Map<string, number>;
  countCall(path: string): void;
  /** Waits, but gives up when the mock closes so no timer outlives it. */
  sleep(ms: number): Promise<void>;
  reset(options?: { keepTokens?: boolean }): void;
  shutdown(): void;
}

export function createMockState(directory: Directory, startSettings: MockSettings): MockState {
  const clock = createMockClock();
  const grants = createGrants(clock);
  const faults = createFaultPlan();
  const counters = new Map<string, number>();
  const closing = new AbortController();

  const state: MockState = {
    directory,
    origin: '',
    settings: structuredClone(startSettings),
    identity: undefined,
    clock,
    grants,
    faults,
    counters,
    countCall(path) {
      counters.set(path, (counters.get(path) ?? 0) + 1);
    },
    async sleep(ms) {
      if (ms > 0) await wait(ms, undefined, { signal: closing.signal });
    },
    reset(options = {}) {
      state.settings = structuredClone(startSettings);
      state.identity = undefined;
      clock.reset();
      grants.clear(options);
      faults.clear();
      counters.clear();
    },
    shutdown() {
      closing.abort();
    },
  };
  return state;
}
