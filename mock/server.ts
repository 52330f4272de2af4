// A local stand-in for WeCom: the qyapi server API under /cgi-bin, the two login pages, and a
// control API under /__mock/ for tests. Every call to startMockWeCom owns its state.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAsset, isAssetPath } from './asset-routes';
import { handleControl } from './control';
import { MOCK_CORP_ID } from './credentials';
import { DIRECTORY_KINDS, buildDirectory, type DirectoryKind } from './directory';
import type { VisibleRange } from './console-settings';
import { checkCallbackRequest, type CallbackConfig, type CallbackDetail } from './events/callback-config';
import { sendJson } from './http';
import { LOGIN_CHOICE_PATH, handleLoginChoice, handleLoginEntry } from './login/routes';
import { handleQyapi } from './qyapi/router';
import { DEFAULT_SETTINGS, checkSettingsPatch, type MockSettings } from './settings';
import { createMockState, type MockState } from './state';

export interface MockWeComOptions {
  port?: number;
  privacy?: 'post-2022' | 'legacy';
  tokenTtlSeconds?: number;
  trustedDomains?: string[];
  directory?: DirectoryKind;
  latencyMs?: number;
  /** 可见范围 `{users, departments, tags}`, as if saved in the console; default: the seed's departments. */
  visibleRange?: VisibleRange;
  /** 应用主页 of the portal app: an http(s) URL, or "" (the default) for none. */
  homeUrl?: string;
  /** 已停用: the portal app disabled by an admin (agent/get close 1, its other APIs 50003). */
  appDisabled?: boolean;
  /** 企业可信IP of the portal app: IPv4/IPv6 addresses; others get 60020. Default [] (not enforced). */
  trustedIps?: string[];
  /**
   * The app's event callback, as if configured in the admin console before the test. No URL check
   * at start (the app may not be up yet). Reset restores it.
   */
  callback?: { url: string; token: string; aesKey: string; detail?: CallbackDetail };
  quiet?: boolean;
}

export interface MockWeCom {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Only loopback: the mock hands out tokens for anyone who asks. */
const HOST = '127.0.0.1';

function settingsFrom(options: MockWeComOptions): MockSettings {
  const { privacy, tokenTtlSeconds, trustedDomains, latencyMs, visibleRange, homeUrl, appDisabled, trustedIps } = options;
  const patch = checkSettingsPatch({ privacy, tokenTtlSeconds, trustedDomains, latencyMs, visibleRange, homeUrl, appDisabled, trustedIps });
  if (!patch.ok) throw new Error(`startMockWeCom: ${patch.message}`);
  return { ...DEFAULT_SETTINGS, ...patch.value };
}

function callbackFrom(options: MockWeComOptions): CallbackConfig | undefined {
  if (options.callback === undefined) return undefined;
  const parsed = checkCallbackRequest(options.callback, { allowVerify: false });
  if (!parsed.ok) throw new Error(`startMockWeCom: callback: ${parsed.message}`);
  return parsed.value.config;
}

async function route(req: IncomingMessage, res: ServerResponse, state: MockState): Promise<void> {
  const url = new URL(req.url ?? '/', state.origin);
  const path = url.pathname;
  if (path.startsWith('/cgi-bin/')) return handleQyapi(req, res, url, state);
  if (req.method === 'GET' && path === '/connect/oauth2/authorize') return handleLoginEntry(res, url, state, 'oauth');
  if (req.method === 'GET' && path === '/wwlogin/sso/login') return handleLoginEntry(res, url, state, 'sso');
  if (req.method === 'GET' && path === LOGIN_CHOICE_PATH) return handleLoginChoice(res, url, state);
  if (req.method === 'GET' && isAssetPath(path)) return handleAsset(res, url, state);
  if (path.startsWith('/__mock/')) return handleControl(req, res, url, state);
  if (path === '/') {
    sendJson(res, 200, { mock: 'WeCom qyapi', corpId: MOCK_CORP_ID, docs: 'mock/README.md' });
    return;
  }
  sendJson(res, 404, { error: `not found: ${path}` });
}

/** One JSON line a request. Only the path: queries carry tokens and codes. */
function logRequest(req: IncomingMessage, res: ServerResponse, startedAt: number, url: string): void {
  const path = url.split('?')[0];
  console.log(JSON.stringify({ mock: 'wecom', method: req.method, path, status: res.statusCode, ms: Date.now() - startedAt }));
}

export async function startMockWeCom(options: MockWeComOptions = {}): Promise<MockWeCom> {
  const settings = settingsFrom(options);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`startMockWeCom: port must be 0..65535, got ${port}`);
  const directoryKind = options.directory ?? 'seed';
  if (!DIRECTORY_KINDS.includes(directoryKind)) throw new Error(`startMockWeCom: directory must be one of ${DIRECTORY_KINDS.join(', ')}`);

  const callback = callbackFrom(options);

  const state = createMockState(buildDirectory(directoryKind, settings.visibleRange), settings, callback);
  const server = createServer((req, res) => {
    const startedAt = Date.now();
    const rawUrl = req.url ?? '/';
    if (!options.quiet) res.on('finish', () => logRequest(req, res, startedAt, rawUrl));
    route(req, res, state).catch((error: unknown) => {
      if ((error as Error).name === 'AbortError') return; // the mock is closing
      if (!options.quiet) console.error(JSON.stringify({ mock: 'wecom', error: String(error) }));
      sendJson(res, 500, { error: 'mock internal error', detail: String(error) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  state.origin = `http://${HOST}:${actualPort}`;

  let closed: Promise<void> | undefined;
  return {
    url: state.origin,
    port: actualPort,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        state.shutdown();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
