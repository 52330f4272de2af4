// Shared helpers for the mock's fidelity tests: start a mock, call qyapi and the control API
// over real HTTP, and walk the login pages the way a browser would (without following redirects).

import { afterAll, beforeAll, beforeEach } from 'vitest';
import { MOCK_APPS, MOCK_CORP_ID } from '@/mock/credentials';
import { startMockWeCom, type MockWeCom, type MockWeComOptions } from '@/mock/server';

// Response bodies are read loosely on purpose: the tests assert on exact values anyway.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export const PORTAL = MOCK_APPS[0];
export const APPROVALS = MOCK_APPS[1];
export const CALLBACK = 'http://localhost:3000/auth/callback';

export interface TestMock {
  mock: MockWeCom;
  url: string;
  api(path: string, params?: Record<string, string>): Promise<Json>;
  apiPost(path: string, params: Record<string, string>, body: string): Promise<Json>;
  control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; json: Json }>;
  token(app?: { secret: string }): Promise<string>;
  /** Opens a login URL and answers the redirect target (or the HTML when there is none). */
  open(path: string, params: Record<string, string>): Promise<{ status: number; location: URL | null; html: string }>;
  /** A fresh in-app OAuth code for a preselected identity. */
  oauthCode(identity: Json, params?: Record<string, string>): Promise<string>;
}

export function query(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

export function oauthParams(extra: Record<string, string> = {}): Record<string, string> {
  return {
    appid: MOCK_CORP_ID,
    redirect_uri: CALLBACK,
    response_type: 'code',
    scope: 'snsapi_base',
    state: 'abc123',
    agentid: String(PORTAL.agentId),
    ...extra,
  };
}

export function ssoParams(extra: Record<string, string> = {}): Record<string, string> {
  return {
    login_type: 'CorpApp',
    appid: MOCK_CORP_ID,
    agentid: String(PORTAL.agentId),
    redirect_uri: CALLBACK,
    state: 'xyz789',
    ...extra,
  };
}

export async function startTestMock(options: MockWeComOptions = {}): Promise<TestMock> {
  const mock = await startMockWeCom({ quiet: true, ...options });
  const url = mock.url;

  const api = async (path: string, params: Record<string, string> = {}) => {
    const res = await fetch(`${url}/cgi-bin/${path}?${query(params)}`);
    return (await res.json()) as Json;
  };
  const apiPost = async (path: string, params: Record<string, string>, body: string) => {
    const res = await fetch(`${url}/cgi-bin/${path}?${query(params)}`, { method: 'POST', body });
    return (await res.json()) as Json;
  };
  const control = async (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => {
    const res = await fetch(`${url}/__mock/${path}`, {
      method,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Json };
  };
  const token = async (app: { secret: string } = PORTAL) => {
    const body = await api('gettoken', { corpid: MOCK_CORP_ID, corpsecret: app.secret });
    if (body.errcode !== 0) throw new Error(`gettoken failed: ${JSON.stringify(body)}`);
    return body.access_token as string;
  };
  const open = async (path: string, params: Record<string, string>) => {
    const res = await fetch(`${url}${path}?${query(params)}`, { redirect: 'manual' });
    const location = res.headers.get('location');
    return { status: res.status, location: location ? new URL(location, url) : null, html: await res.text() };
  };
  const oauthCode = async (identity: Json, params: Record<string, string> = {}) => {
    await control('POST', 'identity', identity);
    const page = await open('/connect/oauth2/authorize', oauthParams(params));
    const code = page.location?.searchParams.get('code');
    if (!code) throw new Error(`no code in redirect: ${page.status} ${page.location} ${page.html.slice(0, 200)}`);
    return code;
  };

  return { mock, url, api, apiPost, control, token, open, oauthCode };
}

/**
 * A mock for one test file: started before its tests, reset before each, closed after. The
 * handle is usable at once (its calls reach the mock once it has started), so a file writes
 * `const t = useTestMock()` instead of the same three hooks again.
 */
export function useTestMock(options: MockWeComOptions = {}): TestMock {
  let current: TestMock | undefined;
  beforeAll(async () => {
    current = await startTestMock(options);
  });
  afterAll(() => current?.mock.close());
  beforeEach(async () => {
    await started().control('POST', 'reset');
  });
  const started = () => {
    if (!current) throw new Error('useTestMock: the mock is not started yet (use it inside a test or a hook)');
    return current;
  };
  return {
    get mock() {
      return started().mock;
    },
    get url() {
      return started().url;
    },
    api: (...args) => started().api(...args),
    apiPost: (...args) => started().apiPost(...args),
    control: (...args) => started().control(...args),
    token: (...args) => started().token(...args),
    open: (...args) => started().open(...args),
    oauthCode: (...args) => started().oauthCode(...args),
  };
}
