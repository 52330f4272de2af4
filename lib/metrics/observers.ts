/**
 * What the instrumented parts report, as plain interfaces: the WeCom client and the caches
 * take one of these as a constructor option instead of importing the metrics registry, so
 * they (and their unit tests) stay free of globals.
 */

/** `ok`, or the errcode kind of lib/wecom/errors.ts. Never an errcode value a member could choose. */
export type CallOutcome = string;

export interface WeComObserver {
  call(api: string, outcome: CallOutcome, seconds: number): void;
  /** A credential WeCom issued: the access token or a JS-SDK ticket. */
  credentialFetched(credential: 'access_token' | 'jsapi_ticket' | 'agent_config_ticket'): void;
}

export interface CacheObserver {
  /** One read of cached WeCom data: found (hit) or fetched (miss). */
  read(cache: string, hit: boolean): void;
}

export const ignoreWeCom: WeComObserver = { call: () => {}, credentialFetched: () => {} };
export const ignoreCache: CacheObserver = { read: () => {} };
