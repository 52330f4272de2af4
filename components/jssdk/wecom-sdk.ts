import type { JsSdkConfig } from '@/lib/jssdk/types';

type WeComSdk = typeof import('@wecom/jssdk');

/** The client features this page asks WeCom for; each must also be enabled for the app. */
const JS_API_LIST = ['scanQRCode'];

/** Signatures per page URL; dropped after a failure so that a retry asks the server again. */
const configs = new Map<string, Promise<JsSdkConfig>>();
let registered: Promise<WeComSdk> | null = null;

const withoutFragment = (url: string) => url.split('#')[0];

async function fetchConfig(url: string): Promise<JsSdkConfig> {
  const response = await fetch(`/api/wecom/jssdk-config?url=${encodeURIComponent(url)}`, { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(`jssdk-config ${response.status}${body?.error ? ` ${body.error}` : ''}`);
  }
  return (await response.json()) as JsSdkConfig;
}

function configFor(url: string): Promise<JsSdkConfig> {
  const page = withoutFragment(url);
  let config = configs.get(page);
  if (!config) {
    config = fetchConfig(page);
    configs.set(page, config);
    config.catch(() => configs.delete(page));
  }
  return config;
}

/**
 * `@wecom/jssdk`, loaded on first use (it is only needed inside WeCom) and registered once
 * for this page with the server's signatures. The corp id and agent id come from the same
 * answer, so nothing about the tenant is baked into the bundle.
 */
export function registeredWeComSdk(): Promise<WeComSdk> {
  if (registered) return registered;
  registered = (async () => {
    const [ww, first] = await Promise.all([import('@wecom/jssdk'), configFor(location.href)]);
    ww.register({
      corpId: first.corpId,
      agentId: first.agentId,
      jsApiList: JS_API_LIST,
      // The SDK passes the URL it will sign for, which changes with client-side navigation.
      getConfigSignature: async (url) => (await configFor(url)).corp,
      getAgentConfigSignature: async (url) => (await configFor(url)).agent,
    });
    return ww;
  })();
  registered.catch(() => {
    registered = null;
  });
  return registered;
}

/** After a failed call: the next attempt fetches fresh signatures (a ticket may have been replaced). */
export function forgetSignatures(): void {
  configs.clear();
}

/**
 * Whether the WeCom client's bridge is there: the client injects `WeixinJSBridge` (or fires
 * `WeixinJSBridgeReady` shortly after load). A browser that only looks like WeCom has
 * neither, and the SDK would wait for it forever, so the page gives up after `timeoutMs`.
 */
export function weComBridgeAnswers(timeoutMs = 3000): Promise<boolean> {
  const hasBridge = () => Boolean((window as { WeixinJSBridge?: unknown }).WeixinJSBridge);
  if (hasBridge()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      document.removeEventListener('WeixinJSBridgeReady', done);
      resolve(hasBridge());
    };
    const timer = setTimeout(done, timeoutMs);
    document.addEventListener('WeixinJSBridgeReady', done);
  });
}
