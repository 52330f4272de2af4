import { MOCK_APPS, MOCK_CORP_ID } from '@/e2e/mock-qyapi/credentials';

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
  return {
    /** Back to the start; `keepTokens` leaves issued access tokens valid, as WeCom would. */
    reset: (options: { keepTokens?: boolean } = {}) => post('reset', options),
    setIdentity: (identity: { userid?: string; nonMember?: boolean; refuse?: boolean }) => post('identity', identity),
    revokeTokens: () => post('tokens/revoke'),
    advanceClock: (seconds: number) => post('clock', { advanceSeconds: seconds }),
    settings: (settings: Record<string, unknown>) => post('settings', settings),
    fault: (fault: { path: string; errcode?: number; status?: number; delayMs?: number; times?: number }) => post('faults', fault),
    clearFaults: () => fetch(`${mockUrl}/__mock/faults`, { method: 'DELETE' }),
    resetCounters: () => post('counters/reset'),
    counters: async (): Promise<Record<string, number>> => (await fetch(`${mockUrl}/__mock/counters`)).json(),
    miniProgramCode: async (userid: string) => (await post('miniprogram/code', { userid })).code as string,
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
