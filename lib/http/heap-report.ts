import v8 from 'node:v8';
import { log } from '@/lib/log';

/**
 * A measurement hook, off in production: when the server was started with `--expose-gc`
 * (the benchmark does, `npm start` and the image never do), SIGUSR2 makes it collect all
 * garbage and log what is still alive. The live heap after a full collection is the figure
 * that shows a leak; the resident size alone also counts garbage V8 has not yet bothered
 * to collect. A signal rather than a route: nothing about memory is reachable over HTTP.
 */
export const HEAP_REPORT_SIGNAL = 'SIGUSR2';

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function installHeapReport(collect: (() => void) | undefined = (globalThis as { gc?: () => void }).gc): boolean {
  if (typeof collect !== 'function') return false;
  process.on(HEAP_REPORT_SIGNAL, () => {
    collect();
    const heap = v8.getHeapStatistics();
    const memory = process.memoryUsage();
    log.info('process.heap', {
      heapUsedMiB: mib(heap.used_heap_size),
      heapTotalMiB: mib(heap.total_heap_size),
      heapLimitMiB: mib(heap.heap_size_limit),
      externalMiB: mib(memory.external),
      rssMiB: mib(memory.rss),
    });
  });
  return true;
}
