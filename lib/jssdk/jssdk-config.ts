import 'server-only';
import type { WeComClient } from '@/lib/wecom/client';
import { jsApiSignature, newNonceStr } from './signature';
import type { JsSdkConfig, SignedPage } from './types';

/**
 * Signs `url` (already checked to be this app's page) with both tickets. The tickets come
 * from the client's credential caches (shared through Redis when configured): WeCom allows
 * only 400 corp and 100 app ticket fetches an hour, far fewer than page views.
 */
export async function signJsSdkConfig(
  client: Pick<WeComClient, 'corpId' | 'agentId' | 'jsapiTicket' | 'agentTicket'>,
  url: string,
  now: () => number = Date.now,
): Promise<JsSdkConfig> {
  const [corpTicket, agentTicket] = await Promise.all([client.jsapiTicket.get(), client.agentTicket.get()]);
  const timestamp = Math.floor(now() / 1000);
  const sign = (ticket: string): SignedPage => {
    const nonceStr = newNonceStr();
    return { timestamp, nonceStr, signature: jsApiSignature({ ticket, nonceStr, timestamp, url }) };
  };
  return { corpId: client.corpId, agentId: client.agentId, url, corp: sign(corpTicket), agent: sign(agentTicket) };
}
