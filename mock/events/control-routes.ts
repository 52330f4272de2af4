// Control API for WeCom's side of event callbacks: the callback configuration, directory changes
// that push the events WeCom would push, and hand-written events. A call that pushes answers only
// after every delivery finished, with one report each, so a test knows the app has been told.

import { MOCK_CORP_ID } from '../credentials';
import type { Directory } from '../directory';
import type { MockState } from '../state';
import { checkCallbackRequest, describeCallback } from './callback-config';
import {
  ChangeRefused,
  createDepartment,
  createMember,
  deleteDepartment,
  deleteMember,
  updateDepartment,
  updateMember,
  updateTag,
  type ChangeOutcome,
} from './contact-changes';
import { pushMessages, runUrlCheck } from './delivery';
import { renderEvent } from './messages';
import { parsePushRequest } from './pushed-events';

export type ControlReply = { status: number; body: unknown };

export interface PatternRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Matched against the path without a trailing slash; groups are URL-decoded parameters. */
  pattern: RegExp;
  handle(state: MockState, body: unknown, params: string[]): ControlReply | Promise<ControlReply>;
}

const ok = (body: unknown): ControlReply => ({ status: 200, body });
const badRequest = (error: string, extra: Record<string, unknown> = {}): ControlReply => ({ status: 400, body: { error, ...extra } });

/** Applies one change, then pushes its events (one CreateTime for all) and reports the deliveries. */
async function changeAndPush(state: MockState, change: (directory: Directory) => ChangeOutcome): Promise<ControlReply> {
  let outcome: ChangeOutcome;
  try {
    outcome = change(state.directory);
  } catch (error) {
    if (!(error instanceof ChangeRefused)) throw error;
    return { status: error.status, body: { error: error.message, ...(error.errcode ? { errcode: error.errcode } : {}) } };
  }
  const context = { corpId: MOCK_CORP_ID, createTime: state.clock.nowSeconds(), detail: state.callback?.detail ?? 'ids-only' } as const;
  const deliveries = await pushMessages(outcome.events.map((event) => renderEvent(event, context)), state);
  return ok({ ...outcome.answer, deliveries });
}

export const eventControlRoutes: PatternRoute[] = [
  { method: 'GET', pattern: /^\/__mock\/callback$/, handle: (state) => ok(describeCallback(state.callback)) },
  {
    method: 'POST',
    pattern: /^\/__mock\/callback$/,
    async handle(state, body) {
      const parsed = checkCallbackRequest(body, { allowVerify: true });
      if (!parsed.ok) return badRequest(parsed.message);
      const { config, verify } = parsed.value;
      if (verify) {
        const check = await runUrlCheck(config, state);
        if (!check.ok) return badRequest(check.message, { status: check.status });
      }
      state.callback = config;
      return ok({ ...describeCallback(config), verified: verify });
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/__mock\/callback$/,
    handle(state) {
      state.callback = undefined;
      return ok(describeCallback(undefined));
    },
  },

  { method: 'POST', pattern: /^\/__mock\/members$/, handle: (state, body) => changeAndPush(state, (d) => createMember(d, body)) },
  { method: 'PATCH', pattern: /^\/__mock\/members\/([^/]+)$/, handle: (state, body, [userid]) => changeAndPush(state, (d) => updateMember(d, userid, body)) },
  { method: 'DELETE', pattern: /^\/__mock\/members\/([^/]+)$/, handle: (state, _body, [userid]) => changeAndPush(state, (d) => deleteMember(d, userid)) },

  { method: 'POST', pattern: /^\/__mock\/departments$/, handle: (state, body) => changeAndPush(state, (d) => createDepartment(d, body)) },
  { method: 'PATCH', pattern: /^\/__mock\/departments\/([^/]+)$/, handle: (state, body, [id]) => changeAndPush(state, (d) => updateDepartment(d, id, body)) },
  { method: 'DELETE', pattern: /^\/__mock\/departments\/([^/]+)$/, handle: (state, _body, [id]) => changeAndPush(state, (d) => deleteDepartment(d, id)) },

  { method: 'PATCH', pattern: /^\/__mock\/tags\/([^/]+)$/, handle: (state, body, [tagid]) => changeAndPush(state, (d) => updateTag(d, tagid, body)) },

  {
    method: 'POST',
    pattern: /^\/__mock\/events$/,
    async handle(state, body) {
      const parsed = parsePushRequest(body, state.clock.nowSeconds());
      if (!parsed.ok) return badRequest(parsed.message);
      const { message, times } = parsed.value;
      return ok({ deliveries: await pushMessages(Array.from({ length: times }, () => message), state) });
    },
  },
];

export type PatternMatch =
  | { kind: 'route'; route: PatternRoute; params: string[] }
  | { kind: 'wrongMethod' }
  | { kind: 'badParam'; message: string }
  | undefined;

export function matchPatternRoute(method: string, path: string): PatternMatch {
  let pathKnown = false;
  for (const route of eventControlRoutes) {
    const found = route.pattern.exec(path);
    if (!found) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    try {
      return { kind: 'route', route, params: found.slice(1).map((raw) => decodeURIComponent(raw)) };
    } catch {
      return { kind: 'badParam', message: `malformed URL encoding in ${path}` };
    }
  }
  return pathKnown ? { kind: 'wrongMethod' } : undefined;
}
