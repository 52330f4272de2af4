// The mock's clock: wall time plus an offset that tests move forward to expire codes, tokens
// and tickets without waiting.

export interface MockClock {
  nowMs(): number;
  nowSeconds(): number;
  advance(seconds: number): void;
  offsetSeconds(): number;
  reset(): void;
}

export function createMockClock(): MockClock {
  let offsetMs = 0;
  return {
    nowMs: () => Date.now() + offsetMs,
    nowSeconds: () => Math.floor((Date.now() + offsetMs) / 1000),
    advance(seconds) {
      offsetMs += seconds * 1000;
    },
    offsetSeconds: () => offsetMs / 1000,
    reset() {
      offsetMs = 0;
    },
  };
}
