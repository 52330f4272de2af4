import { describe, expect, it } from 'vitest';
import { DEMO } from '@/mock/seed';
import type { WeComObserver } from '@/lib/metrics/observers';
import { clientFor } from '../support/client-under-test';
import { useMockWeCom } from '../support/use-mock';

const wecom = useMockWeCom();

function recorder() {
  const calls: string[] = [];
  const credentials: string[] = [];
  const observer: WeComObserver = {
    call: (api, outcome, seconds) => {
      expect(seconds).toBeGreaterThanOrEqual(0);
      calls.push(`${api} ${outcome}`);
    },
    credentialFetched: (credential) => credentials.push(credential),
  };
  return { observer, calls, credentials };
}

describe('the WeCom client reports to its observer', () => {
  it('every call with its outcome, and each credential it fetched', async () => {
    const { observer, calls, credentials } = recorder();
    const client = clientFor(wecom.url, { observer });
    await client.getUser(DEMO.ceo);
    await client.getUser(DEMO.withDot);
    expect(calls).toEqual(['gettoken ok', 'user/get ok', 'user/get ok']);
    expect(credentials).toEqual(['access_token']);
  });

  it('a failure is reported by its errcode kind, never by a value from the request', async () => {
    const { observer, calls } = recorder();
    const client = clientFor(wecom.url, { observer });
    await expect(client.getUser('nobody-like-this')).rejects.toThrow();
    await wecom.control.fault({ path: '/cgi-bin/user/get', status: 500 });
    await expect(client.getUser(DEMO.ceo)).rejects.toThrow();
    expect(calls).toEqual(['gettoken ok', 'user/get not_found', 'user/get unavailable']);
  });
});
