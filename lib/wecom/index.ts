import 'server-only';
import { getCacheStore } from '@/lib/cache';
import { getConfig } from '@/lib/config';
import { portalMetrics } from '@/lib/metrics/registry';
import { WeComClient } from './client';

export { WeComClient } from './client';
export { WeComError, isWeComError, type WeComErrorKind } from './errors';
export type { WeComIdentity } from './identity';
export type { WeComUser, WeComUserDetail, WeComDepartment, WeComSimpleUser, ExtAttr } from './schemas';

/** The client for this deployment's app, one per process so its token cache is shared. */
export function getWeComClient(): WeComClient {
  const holder = globalThis as { __wecomClient?: WeComClient };
  if (!holder.__wecomClient) {
    const config = getConfig();
    holder.__wecomClient = new WeComClient({
      corpId: config.corpId,
      agentId: config.agentId,
      secret: config.secret,
      apiBase: config.apiBase,
      timeoutMs: config.wecomTimeoutMs,
      store: getCacheStore(),
      observer: portalMetrics().wecom,
    });
  }
  return holder.__wecomClient;
}
