import { MOCK_APPS, MOCK_CORP_ID } from '@/mock/credentials';
import type { CallbackDetail } from '@/mock/events/callback-config';
import type { Delivery } from '@/mock/events/delivery';
import type { MockSettings } from '@/mock/settings';
import type { MemberStatus } from '@/mock/types';

export type { Delivery as CallbackDelivery };

/** Every call that changes the directory or pushes events answers once the deliveries finished. */
export type WithDeliveries<T = Record<string, unknown>> = T & { deliveries: Delivery[] };

export interface CallbackSettings {
  url: string;
  token: string;
  /** The 43-character EncodingAESKey. */
  aesKey: string;
  detail?: CallbackDetail;
  /** WeCom's URL check before accepting (default true). */
  verify?: boolean;
}

export interface NewMember {
  userid: string;
  name: string;
  department: number[];
  position?: string;
  alias?: string;
  status?: MemberStatus;
  main_department?: number;
}

export interface MemberChange {
  name?: string;
  position?: string;
  alias?: string;
  status?: MemberStatus;
  department?: number[];
  main_department?: number;
  new_userid?: string;
}

export interface TagChange {
  addUserids?: string[];
  delUserids?: string[];
  addPartyIds?: number[];
  delPartyIds?: number[];
}

/** Exactly one of `fields` (WeCom's element names) or `raw` (the inner XML, sent as is). */
export type PushedEvent =
  | { fields: Record<string, string | number>; raw?: never; times?: number }
  | { raw: string; fields?: never; times?: number };

/** Drives the mock's control API and its login pages from a test, over HTTP. */
export function mockControl(mockUrl: string) {
  const post = async (path: string, body: unknown = {}) => {
    const response = await fetch(`${mockUrl}/__mock/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`mock control ${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  /** Any method; throws on a non-2xx answer with the body in the message, like `post`. */
  const send = async <T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${mockUrl}/__mock/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`mock control ${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<T>;
  };
  const id = (value: string | number) => encodeURIComponent(String(value));
  return {
    /** Back to the start; `keepTokens` leaves issued access tokens valid, as WeCom would. */
    reset: (options: { keepTokens?: boolean } = {}) => post('reset', options),
    setIdentity: (identity: { userid?: string; nonMember?: boolean; refuse?: boolean }) => post('identity', identity),
    revokeTokens: () => post('tokens/revoke'),
    advanceClock: (seconds: number) => post('clock', { advanceSeconds: seconds }),
    /** Any of the settings, console ones included (visibleRange, homeUrl, appDisabled, trustedIps). */
    settings: (settings: Partial<MockSettings>) => post('settings', settings),
    fault: (fault: { path: string; errcode?: number; status?: number; delayMs?: number; times?: number }) => post('faults', fault),
    clearFaults: () => fetch(`${mockUrl}/__mock/faults`, { method: 'DELETE' }),
    resetCounters: () => post('counters/reset'),
    counters: async (): Promise<Record<string, number>> => (await fetch(`${mockUrl}/__mock/counters`)).json(),
    miniProgramCode: async (userid: string) => (await post('miniprogram/code', { userid })).code as string,

    // Event callbacks: what WeCom does over time. Each change answers after its events were
    // delivered (or given up on), with one report per event in `deliveries`.
    /** Sets the app's callback; by default WeCom's URL check runs first (the app must be up). */
    configureCallback: (settings: CallbackSettings) =>
      send<{ url: string; detail: CallbackDetail; configured: true; verified: boolean }>('POST', 'callback', settings),
    callbackStatus: () => send<{ url: string | null; detail: CallbackDetail | null; configured: boolean }>('GET', 'callback'),
    clearCallback: () => send<{ configured: false }>('DELETE', 'callback'),
    createMember: (member: NewMember) => send<WithDeliveries>('POST', 'members', member),
    updateMember: (userid: string, change: MemberChange) => send<WithDeliveries>('PATCH', `members/${id(userid)}`, change),
    deleteMember: (userid: string) => send<WithDeliveries>('DELETE', `members/${id(userid)}`),
    createDepartment: (department: { id?: number; name: string; name_en?: string; parentid: number; order?: number }) =>
      send<WithDeliveries>('POST', 'departments', department),
    updateDepartment: (departmentId: number, change: { name?: string; name_en?: string; parentid?: number; order?: number }) =>
      send<WithDeliveries>('PATCH', `departments/${id(departmentId)}`, change),
    deleteDepartment: (departmentId: number) => send<WithDeliveries>('DELETE', `departments/${id(departmentId)}`),
    updateTag: (tagid: number, change: TagChange) => send<WithDeliveries>('PATCH', `tags/${id(tagid)}`, change),
    /** Pushes a hand-written event (`times` separate deliveries of the same message, 1..50). */
    pushEvent: (event: PushedEvent) => send<WithDeliveries>('POST', 'events', event),

    /** A fresh OAuth code for `userid`, issued by the mock's authorize page as WeCom would. */
    async issueCode(identity: { userid?: string; nonMember?: boolean }, options: { scope?: string; agentId?: number } = {}) {
      await post('identity', identity);
      const url = new URL(`${mockUrl}/connect/oauth2/authorize`);
      url.searchParams.set('appid', MOCK_CORP_ID);
      url.searchParams.set('redirect_uri', 'http://127.0.0.1:3000/api/wecom/callback');
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', options.scope ?? 'snsapi_base');
      url.searchParams.set('state', 'teststate');
      url.searchParams.set('agentid', String(options.agentId ?? MOCK_APPS[0].agentId));
      const response = await fetch(url, { redirect: 'manual' });
      const location = response.headers.get('location');
      const code = location ? new URL(location).searchParams.get('code') : null;
      if (!code) throw new Error(`the mock issued no code (HTTP ${response.status})`);
      return code;
    },
  };
}
