// All mutable state of one mock instance. Nothing lives at module level, so several mocks can run
// in one process (parallel test files) without seeing each other's tokens or faults.

import { setTimeout as wait } from 'node:timers/promises';
import { createMockClock } from './clock';
import type { Directory } from './directory';
import type { CallbackConfig } from './events/callback-config';
import { createFaultPlan } from './faults';
import { createGrants } from './grants';
import type { MockSettings } from './settings';

/** Who "holds the phone" when a login page opens; undefined shows the chooser. */
export type PreselectedIdentity =
  | { kind: 'member'; userid: string }
  | { kind: 'nonMember' }
  | { kind: 'refuse' }
  | undefined;

/** Runs jobs one at a time, in the order they were queued; a failed job does not stop the next. */
export interface SerialQueue {
  run<T>(job: () => Promise<T>): Promise<T>;
}

function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(job) {
      const next = tail.then(job, job);
      tail = next.catch(() => undefined);
      return next;
    },
  };
}

export interface MockState {
  readonly directory: Directory;
  /** The app's event callback (URL, Token, EncodingAESKey), or undefined when none is set. */
  callback: CallbackConfig | undefined;
  /** Event pushes wait here so that the app sees changes in the order they were made. */
  readonly outbox: SerialQueue;
  /** Aborted when the mock closes: outgoing requests and waits stop. */
  readonly closing: AbortSignal;
  /** Origin of this mock, used in avatar and QR URLs. Set once the port is known. */
  origin: string;
  /** Read-only outside this file: change it through applySettings, which keeps the directory in step. */
  settings: MockSettings;
  identity: PreselectedIdentity;
  readonly clock: ReturnType<typeof createMockClock>;
  readonly grants: ReturnType<typeof createGrants>;
  readonly faults: ReturnType<typeof createFaultPlan>;
  readonly counters: Map<string, number>;
  countCall(path: string): void;
  /** Applies a checked settings patch; a visible range goes to the directory, which it drives. */
  applySettings(patch: Partial<MockSettings>): void;
  /** Waits, but gives up when the mock closes so no timer outlives it. */
  sleep(ms: number): Promise<void>;
  /** Everything back to the start options: directory, callback, settings, clock, grants, faults, counters. */
  reset(options?: { keepTokens?: boolean }): void;
  shutdown(): void;
}

export function createMockState(directory: Directory, startSettings: MockSettings, startCallback?: CallbackConfig): MockState {
  const clock = createMockClock();
  const grants = createGrants(clock);
  const faults = createFaultPlan();
  const counters = new Map<string, number>();
  const closing = new AbortController();

  const state: MockState = {
    directory,
    callback: startCallback && structuredClone(startCallback),
    outbox: createSerialQueue(),
    closing: closing.signal,
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
    applySettings(patch) {
      state.settings = { ...state.settings, ...structuredClone(patch) };
      if (patch.visibleRange) directory.setVisibleRange(patch.visibleRange);
    },
    async sleep(ms) {
      if (ms > 0) await wait(ms, undefined, { signal: closing.signal });
    },
    reset(options = {}) {
      state.settings = structuredClone(startSettings);
      // The directory goes back to the seed and the start range, and the callback to the one given
      // at start (a callback set through the control API is cleared).
      directory.reset();
      state.callback = startCallback && structuredClone(startCallback);
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
