import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { apiCaller } from '@/lib/auth/dal';
import { isSameOriginRequest } from '@/lib/auth/same-origin';
import type { Carrier } from '@/lib/auth/session-credential';
import type { SessionData } from '@/lib/auth/session-seal';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { portalMetrics } from '@/lib/metrics/registry';
import { isWeComError } from '@/lib/wecom';
import { internalErrorJson, thrownName } from './internal-error';
import { weComErrorResponse } from './wecom-error-response';

/**
 * The one edge every API route handler goes through. It decides who may call (through the
 * session door), refuses cross-site state changes, maps a WeCom failure to its HTTP status,
 * sets `cache-control`, and writes one log line and one metrics observation per request.
 * Route files then call the domain directly.
 */
export interface RouteSpec {
  /** A fixed name for logs and metric labels: never built from the request. */
  name: string;
  /** For POSTs that change something: only from this site's pages (Origin / Sec-Fetch-Site). */
  sameOrigin?: boolean;
}

/** Who may call a signed-in route: the cookie, the cookie or a mini-program bearer token, or an admin (cookie). */
export type Access = 'cookie' | 'cookie-or-bearer' | 'admin';

export interface Caller {
  session: SessionData;
  carrier: Carrier;
}

const NO_STORE = 'private, no-store';

/** A route anyone may call: sign-in callbacks, WeCom's event callbacks, health, metrics (own token). */
export function publicRoute(spec: RouteSpec, handle: (request: NextRequest) => Promise<Response>) {
  return edge(spec, handle);
}

/** A route for a signed-in caller, who reaches `handle` only through the session door. */
export function signedInRoute(spec: RouteSpec & { access: Access }, handle: (request: NextRequest, caller: Caller) => Promise<Response>) {
  return edge(spec, async (request) => {
    const caller = await apiCaller(spec.access === 'cookie-or-bearer' ? 'cookie-or-bearer' : 'cookie', { admin: spec.access === 'admin' });
    if (!caller.ok) return caller.response;
    return handle(request, { session: caller.session, carrier: caller.carrier });
  });
}

function edge(spec: RouteSpec, handle: (request: NextRequest) => Promise<Response>) {
  return async function handleRoute(request: NextRequest): Promise<Response> {
    const started = performance.now();
    let response: Response;
    try {
      response =
        spec.sameOrigin && !isSameOriginRequest(request, getConfig().appUrl)
          ? NextResponse.json({ error: 'forbidden', message: "This request must come from the app's own pages." }, { status: 403 })
          : await handle(request);
    } catch (error) {
      response = failed(spec, error);
    }
    if (!response.headers.has('cache-control')) response.headers.set('cache-control', NO_STORE);
    const seconds = (performance.now() - started) / 1000;
    portalMetrics().httpRequest(spec.name, request.method, response.status, seconds);
    log.info('http.request', { route: spec.name, method: request.method, status: response.status, ms: Math.round(seconds * 1000) });
    return response;
  };
}

/** A WeCom failure is an expected answer with its status; anything else is a bug, told as 500 without internals. */
function failed(spec: RouteSpec, error: unknown): Response {
  if (isWeComError(error)) {
    log.warn('http.wecom_failed', { route: spec.name, api: error.api, kind: error.kind, errcode: error.errcode });
    return weComErrorResponse(error);
  }
  log.error('http.unhandled', { route: spec.name, error: thrownName(error) });
  return internalErrorJson();
}
