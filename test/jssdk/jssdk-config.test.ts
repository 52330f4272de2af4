import { describe, expect, it } from 'vitest';
import { MOCK_APPS, MOCK_CORP_ID } from '@/mock/credentials';
import { signJsSdkConfig } from '@/lib/jssdk/jssdk-config';
import { jsApiSignature } from '@/lib/jssdk/signature';
import { isWeComError } from '@/lib/wecom/errors';
import { clientFor } from '../support/client-under-test';
import { useMockWeCom } from '../support/use-mock';

const wecom = useMockWeCom();

const PAGE = 'http://127.0.0.1:3000/?from=workbench';

describe('JS-SDK configuration against the mock', () => {
  it('signs the page with the corp ticket and the app ticket', async () => {
    const client = clientFor(wecom.url);
    const config = await signJsSdkConfig(client, PAGE, () => 1_700_000_000_123);
    expect(config).toMatchObject({ corpId: MOCK_CORP_ID, agentId: MOCK_APPS[0].agentId, url: PAGE });
    expect(config.corp.timestamp).toBe(1_700_000_000);
    expect(config.agent.timestamp).toBe(1_700_000_000);

    // The caches hold the tickets the signatures were made with.
    const corpTicket = await client.jsapiTicket.get();
    const agentTicket = await client.agentTicket.get();
    expect(corpTicket).not.toBe(agentTicket);
    expect(config.corp.signature).toBe(jsApiSignature({ ticket: corpTicket, nonceStr: config.corp.nonceStr, timestamp: config.corp.timestamp, url: PAGE }));
    expect(config.agent.signature).toBe(jsApiSignature({ ticket: agentTicket, nonceStr: config.agent.nonceStr, timestamp: config.agent.timestamp, url: PAGE }));
  });

  it('fetches each ticket once for many pages and concurrent callers', async () => {
    const client = clientFor(wecom.url);
    await wecom.control.resetCounters();
    await Promise.all(Array.from({ length: 10 }, (_, i) => signJsSdkConfig(client, `${PAGE}&n=${i}`)));
    await signJsSdkConfig(client, PAGE);
    const counters = await wecom.control.counters();
    expect(counters['/cgi-bin/get_jsapi_ticket']).toBe(1);
    expect(counters['/cgi-bin/ticket/get']).toBe(1);
    expect(counters['/cgi-bin/gettoken']).toBe(1);
  });

  it('gives different signatures for different pages', async () => {
    const client = clientFor(wecom.url);
    const a = await signJsSdkConfig(client, `${PAGE}&a=1`);
    const b = await signJsSdkConfig(client, `${PAGE}&a=2`);
    expect(a.agent.signature).not.toBe(b.agent.signature);
    expect(a.corp.signature).not.toBe(b.corp.signature);
  });

  it('surfaces a refused ticket as a WeCom error of its kind', async () => {
    await wecom.control.fault({ path: '/cgi-bin/ticket/get', errcode: 48002 });
    const error = await signJsSdkConfig(clientFor(wecom.url), PAGE).then(() => null, (e: unknown) => e);
    expect(isWeComError(error) && error.kind).toBe('config');
  });
});
