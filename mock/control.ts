// The control API under /__mock/: how tests steer the mock (who logs in, faults, clock,
// settings) and read what it saw (counters). JSON in, JSON out; bad input is a 400 with a
// message, never a crash. Directory changes and event callbacks live in events/control-routes.ts.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchPatternRoute } from './events/control-routes';
import { parseFaultRequest } from './faults';
import { isPlainObject, parseJsonBody, readBody, sendJson } from './http';
import { checkSettingsPatch } from './settings';
import type { MockState, PreselectedIdentity } from './state';

type Reply = { status: number; body: unknown };
type ControlHandler = (body: unknown, state: MockState) => Reply;

const ok = (body: unknown): Reply => ({ status: 200, body });
const badRequest = (message: string): Reply => ({ status: 400, body: { error: message } });

function describeIdentity(identity: PreselectedIdentity) {
  if (!identity) return { identity: null };
  return { identity: identity.kind === 'member' ? { userid: identity.userid } : { [identity.kind]: true } };
}

function parseIdentity(body: unknown, state: MockState): { ok: true; identity: PreselectedIdentity } | { ok: false; message: string } {
  if (!isPlainObject(body)) return { ok: false, message: 'body must be a JSON object' };
  const keys = Object.keys(body);
  if (keys.length === 0) return { ok: true, identity: undefined };
  if (keys.length > 1) return { ok: false, message: 'give exactly one of userid, nonMember, refuse (or {} to show the chooser)' };
  if (body.nonMember === true) return { ok: true, identity: { kind: 'nonMember' } };
  if (body.refuse === true) return { ok: true, identity: { kind: 'refuse' } };
  if (typeof body.userid === 'string') {
    return state.directory.findMember(body.userid)
      ? { ok: true, identity: { kind: 'member', userid: body.userid } }
      : { ok: false, message: `unknown userid "${body.userid}"; GET /__mock/directory lists the members` };
  }
  return { ok: false, message: 'expected {"userid":"..."}, {"nonMember":true}, {"refuse":true} or {}' };
}

function directorySummary(state: MockState) {
  const { directory } = state;
  return {
    members: directory.chooserMembers.map((m) => ({
      userid: m.userid,
      name: m.name,
      position: m.position,
      status: m.status,
      departments: m.department,
      visible: directory.isMemberVisible(m),
    })),
    departments: directory.departments.length,
    totalMembers: directory.memberCount,
  };
}

const handlers: Record<string, ControlHandler> = {
  'POST /__mock/reset': (body, state) => {
    if (body !== undefined && body !== null && (!isPlainObject(body) || (body.keepTokens !== undefined && typeof body.keepTokens !== 'boolean'))) {
      return badRequest('expected {} or {"keepTokens": true}');
    }
    state.reset({ keepTokens: isPlainObject(body) && body.keepTokens === true });
    return ok({ ok: true });
  },

  'GET /__mock/identity': (_body, state) => ok(describeIdentity(state.identity)),
  'POST /__mock/identity': (body, state) => {
    const parsed = parseIdentity(body, state);
    if (!parsed.ok) return badRequest(parsed.message);
    state.identity = parsed.identity;
    return ok(describeIdentity(state.identity));
  },

  'POST /__mock/tokens/revoke': (_body, state) => ok({ revoked: state.grants.revokeAllTokens() }),

  'GET /__mock/faults': (_body, state) => ok({ faults: state.faults.list() }),
  'POST /__mock/faults': (body, state) => {
    const parsed = parseFaultRequest(body);
    if (!parsed.ok) return badRequest(parsed.message);
    state.faults.add(parsed.value);
    return ok({ faults: state.faults.list() });
  },
  'DELETE /__mock/faults': (_body, state) => {
    state.faults.clear();
    return ok({ faults: {} });
  },

  'GET /__mock/counters': (_body, state) => ok(Object.fromEntries(state.counters)),
  'POST /__mock/counters/reset': (_body, state) => {
    state.counters.clear();
    return ok({ ok: true });
  },

  'GET /__mock/clock': (_body, state) => ok({ offsetSeconds: state.clock.offsetSeconds(), now: state.clock.nowSeconds() }),
  'POST /__mock/clock': (body, state) => {
    if (!isPlainObject(body) || typeof body.advanceSeconds !== 'number' || !Number.isFinite(body.advanceSeconds)) {
      return badRequest('expected {"advanceSeconds": <number>}');
    }
    state.clock.advance(body.advanceSeconds);
    return ok({ offsetSeconds: state.clock.offsetSeconds(), now: state.clock.nowSeconds() });
  },

  'GET /__mock/settings': (_body, state) => ok(state.settings),
  'POST /__mock/settings': (body, state) => {
    if (!isPlainObject(body)) return badRequest('body must be a JSON object');
    const patch = checkSettingsPatch(body);
    if (!patch.ok) return badRequest(patch.message);
    state.applySettings(patch.value);
    return ok(state.settings);
  },

  'POST /__mock/miniprogram/code': (body, state) => {
    if (!isPlainObject(body) || typeof body.userid !== 'string') return badRequest('expected {"userid": "..."}');
    if (!state.directory.findMember(body.userid)) return badRequest(`unknown userid "${body.userid}"`);
    return ok({ code: state.grants.issueMiniProgramCode(body.userid) });
  },

  'GET /__mock/directory': (_body, state) => ok(directorySummary(state)),
};

/** The handler for a method and path: the fixed table first, then the routes with parameters. */
function findHandler(method: string, path: string): { run: (body: unknown, state: MockState) => Reply | Promise<Reply> } | Reply {
  const key = `${method} ${path}`;
  if (Object.hasOwn(handlers, key)) return { run: handlers[key] };
  const match = matchPatternRoute(method, path);
  if (match?.kind === 'route') return { run: (body, state) => match.route.handle(state, body, match.params) };
  if (match?.kind === 'badParam') return badRequest(match.message);
  const knownPath = match?.kind === 'wrongMethod' || Object.keys(handlers).some((k) => k.endsWith(` ${path}`));
  return knownPath ? { status: 405, body: { error: `${method} not allowed on ${path}` } } : { status: 404, body: { error: `unknown control path ${path}` } };
}

export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, state: MockState): Promise<void> {
  const method = req.method ?? 'GET';
  const found = findHandler(method, url.pathname.replace(/\/$/, ''));
  if (!('run' in found)) {
    sendJson(res, found.status, found.body);
    return;
  }
  let body: unknown = {};
  if (method === 'POST' || method === 'PATCH') {
    const parsed = parseJsonBody(await readBody(req));
    if (!parsed.ok) {
      sendJson(res, 400, { error: parsed.message });
      return;
    }
    body = parsed.value;
  }
  const reply = await found.run(body, state);
  sendJson(res, reply.status, reply.body);
}
