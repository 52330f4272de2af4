import 'server-only';
import { getConfig } from '@/lib/config';

/**
 * The key of something this app caches about its corp, e.g. `appCacheKey('data', 'user', id)`.
 * Corp + agent keep two apps sharing one Redis apart. WeCom credentials are keyed by the
 * secret's hash as well (credentialNamespace in lib/wecom/client.ts).
 */
export function appCacheKey(...parts: (string | number)[]): string {
  const { corpId, agentId } = getConfig();
  return `wecom:${corpId}:${agentId}:${parts.join(':')}`;
}
