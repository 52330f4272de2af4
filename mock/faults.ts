// Planned failures for the next calls on a /cgi-bin path (POST /__mock/faults), so tests can
// exercise retries, timeouts and busy answers without a flaky upstream.

import { isPlainObject } from './http';
import type { FieldCheck } from './settings';

export interface Fault {
  /** Answer HTTP 200 with this errcode (or, with status, that status and this errcode). */
  errcode?: number;
  /** Answer this HTTP status instead of 200. */
  status?: number;
  /** Wait this long first; alone, the call then proceeds normally. */
  delayMs: number;
  remaining: number;
}

export interface FaultRequest {
  path: string;
  fault: Fault;
}

const MAX_DELAY_MS = 120_000;

export function parseFaultRequest(body: unknown): FieldCheck<FaultRequest> {
  if (!isPlainObject(body)) return { ok: false, message: 'body must be a JSON object' };
  const known = new Set(['path', 'errcode', 'status', 'delayMs', 'times']);
  const stray = Object.keys(body).find((key) => !known.has(key));
  if (stray) return { ok: false, message: `unknown field "${stray}"; known: ${[...known].join(', ')}` };

  const { path, errcode, status, delayMs, times } = body;
  if (typeof path !== 'string' || !path.startsWith('/cgi-bin/')) {
    return { ok: false, message: 'path must be a /cgi-bin/... path without query, e.g. "/cgi-bin/user/get"' };
  }
  if (errcode !== undefined && !Number.isInteger(errcode)) return { ok: false, message: 'errcode must be an integer' };
  if (status !== undefined && !(Number.isInteger(status) && (status as number) >= 200 && (status as number) <= 599)) {
    return { ok: false, message: 'status must be an HTTP status between 200 and 599' };
  }
  if (delayMs !== undefined && !(Number.isInteger(delayMs) && (delayMs as number) >= 0 && (delayMs as number) <= MAX_DELAY_MS)) {
    return { ok: false, message: `delayMs must be a whole number between 0 and ${MAX_DELAY_MS}` };
  }
  if (times !== undefined && !(Number.isInteger(times) && (times as number) >= 1 && (times as number) <= 10_000)) {
    return { ok: false, message: 'times must be a whole number between 1 and 10000' };
  }
  if (errcode === undefined && (status === undefined || status === 200) && !delayMs) {
    return { ok: false, message: 'a fault needs an errcode, a non-200 status or a delayMs' };
  }
  return {
    ok: true,
    value: {
      path,
      fault: {
        ...(errcode !== undefined ? { errcode: errcode as number } : {}),
        ...(status !== undefined && status !== 200 ? { status: status as number } : {}),
        delayMs: (delayMs as number | undefined) ?? 0,
        remaining: (times as number | undefined) ?? 1,
      },
    },
  };
}

export function createFaultPlan() {
  const byPath = new Map<string, Fault[]>();
  return {
    add({ path, fault }: FaultRequest): void {
      const queue = byPath.get(path) ?? [];
      queue.push(fault);
      byPath.set(path, queue);
    },
    /** The fault for this call, if any; counts one use down. */
    take(path: string): Fault | undefined {
      const queue = byPath.get(path);
      const fault = queue?.[0];
      if (!queue || !fault) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) queue.shift();
      if (queue.length === 0) byPath.delete(path);
      return fault;
    },
    list(): Record<string, Fault[]> {
      return Object.fromEntries([...byPath].map(([path, queue]) => [path, queue.map((f) => ({ ...f }))]));
    },
    clear(): void {
      byPath.clear();
    },
  };
}

export type FaultPlan = ReturnType<typeof createFaultPlan>;
