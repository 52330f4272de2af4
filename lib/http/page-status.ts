import { AsyncLocalStorage } from 'node:async_hooks';
import type http from 'node:http';

/**
 * Lets a page answer the HTTP status that says why it failed (502/503 when WeCom cannot be
 * reached, 403 outside the visible range), which Next.js has no API for: a server component
 * can only choose 404, 403 and 401 (notFound(), forbidden(), unauthorized()), and anything
 * else it renders goes out as 200. Without it, monitors and load balancers see a WeCom
 * outage as a healthy page.
 *
 * server-hooks.ts runs every request inside a slot; a page writes its status into the slot
 * before it returns; the response's first writeHead (which comes after the page has
 * rendered, since the pages that use this stream nothing before) sends that status instead
 * of the 200. Redirects, 404s and the error page keep Next's own status.
 */
interface StatusSlot {
  status?: number;
}

// One store per process although Next bundles this module into several chunks.
const STORAGE = Symbol.for('wecom-portal.page-status');
const holder = globalThis as { [STORAGE]?: AsyncLocalStorage<StatusSlot> };
const storage = () => (holder[STORAGE] ??= new AsyncLocalStorage<StatusSlot>());

export function handleWithStatusSlot<T>(request: http.IncomingMessage, response: http.ServerResponse, handle: () => T): T {
  // A client-side navigation fetches the page as an RSC payload: Next's router treats any
  // status but 200 there as a reason to reload the whole page, so those keep 200.
  if (request.headers.rsc) return handle();
  const slot: StatusSlot = {};
  const writeHead = response.writeHead;
  response.writeHead = function writeHeadWithPageStatus(this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    const status = statusCode === 200 && slot.status !== undefined ? slot.status : statusCode;
    return (writeHead as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse).call(this, status, ...rest);
  } as typeof writeHead;
  return storage().run(slot, handle);
}

/** Called by a page that renders a failure notice instead of its content. */
export function answerPageStatus(status: number): void {
  const slot = storage().getStore();
  if (slot) slot.status = status;
}
