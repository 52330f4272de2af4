import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEAP_REPORT_SIGNAL, installHeapReport } from '@/lib/http/heap-report';

describe('heap report (a measurement hook)', () => {
  afterEach(() => {
    process.removeAllListeners(HEAP_REPORT_SIGNAL);
    vi.restoreAllMocks();
  });

  it('without --expose-gc nothing listens: a production server ignores the signal', () => {
    expect(installHeapReport(undefined)).toBe(false);
    expect(process.listenerCount(HEAP_REPORT_SIGNAL)).toBe(0);
  });

  it('with it, the signal collects garbage first and then logs the live heap and the resident size', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const order: string[] = [];
    installHeapReport(() => order.push('collected'));
    process.emit(HEAP_REPORT_SIGNAL, HEAP_REPORT_SIGNAL);
    expect(order).toEqual(['collected']);
    const report = JSON.parse(lines.find((l) => l.includes('"process.heap"'))!) as Record<string, number>;
    expect(report.heapUsedMiB).toBeGreaterThan(1);
    expect(report.rssMiB).toBeGreaterThan(report.heapUsedMiB);
    expect(report.heapLimitMiB).toBeGreaterThanOrEqual(report.heapTotalMiB);
  });
});
