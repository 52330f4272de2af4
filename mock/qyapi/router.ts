// Entry for every /cgi-bin request. Order matters and mirrors what a client can observe:
// count the call, add latency, apply a planned fault, then method, token, what the app's console
// settings stop (console-gates.ts) and the handler.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson, sendText } from '../http';
import { callerAddress } from '../ip-address';
import type { MockState } from '../state';
import type { AccessToken } from '../grants';
import { agentRoutes } from './agent-routes';
import { authRoutes } from './auth-routes';
import { enforceAppConsole } from './console-gates';
import { contactRoutes } from './contact-routes';
import type { QyapiRoute, QyapiRouteTable } from './route';
import { ticketRoutes } from './ticket-routes';
import { tokenRoutes } from './token-routes';
import { QyapiError, errorBody, successBody } from './wire';

const routes: QyapiRouteTable = { ...tokenRoutes, ...authRoutes, ...contactRoutes, ...ticketRoutes, ...agentRoutes };

function requireToken(query: URLSearchParams, state: MockState): AccessToken {
  const value = query.get('access_token');
  if (!value) throw new QyapiError(41001);
  const lookup = state.grants.findToken(value);
  if (lookup.ok) return lookup.token;
  throw new QyapiError(lookup.reason === 'expired' ? 42001 : 40014);
}

/**
 * WeCom's answers carry its own clock in the HTTP Date header. Here it is the mock clock, so that
 * POST /__mock/clock puts WeCom ahead of (or behind) the app and clock skew can be tested.
 */
function stampWeComDate(res: ServerResponse, state: MockState): void {
  res.setHeader('Date', new Date(state.clock.nowMs()).toUTCString());
}

async function runRoute(route: QyapiRoute, req: IncomingMessage, query: URLSearchParams, state: MockState, caller: string) {
  if (req.method !== route.method) throw new QyapiError(route.method === 'GET' ? 43001 : 43002);
  const body = route.method === 'POST' ? await readBody(req) : '';
  if (route.auth === 'none') return route.handle({ query, body, state });
  const token = requireToken(query, state);
  enforceAppConsole(route, token, state, caller);
  return route.handle({ query, body, state, token });
}

export async function handleQyapi(req: IncomingMessage, res: ServerResponse, url: URL, state: MockState): Promise<void> {
  const path = url.pathname;
  const caller = callerAddress(req);
  state.countCall(path);
  await state.sleep(state.settings.latencyMs);

  const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
  const emptyArrays = route?.emptyArrays ?? [];
  const fault = state.faults.take(path);
  if (fault) await state.sleep(fault.delayMs);
  // After the waits, so the header says when the answer left, as a real server's does.
  stampWeComDate(res, state);
  if (fault) {
    if (fault.status !== undefined) {
      if (fault.errcode !== undefined) sendJson(res, fault.status, errorBody(fault.errcode, state.clock.nowSeconds(), caller, emptyArrays));
      else sendText(res, fault.status, 'text/html; charset=utf-8', `<html><body><h1>${fault.status}</h1>mock fault</body></html>`);
      return;
    }
    if (fault.errcode !== undefined) {
      sendJson(res, 200, errorBody(fault.errcode, state.clock.nowSeconds(), caller, emptyArrays));
      return;
    }
  }

  if (!route) {
    sendJson(res, 404, { errcode: -1, errmsg: `unknown api path ${path}` });
    return;
  }

  try {
    const fields = await runRoute(route, req, url.searchParams, state, caller);
    sendJson(res, 200, successBody(fields));
  } catch (error) {
    if (!(error instanceof QyapiError)) throw error;
    sendJson(res, 200, errorBody(error.errcode, state.clock.nowSeconds(), caller, emptyArrays, error.detail));
  }
}
