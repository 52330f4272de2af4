// Behaviour switches a test may flip at run time (POST /__mock/settings), with one validator
// shared by startMockWeCom options, the control API and the CLI so that all three reject the
// same bad values with the same words. The tenant's console settings (visible range, home URL,
// disabled, trusted IPs) have their validators in console-settings.ts.

import { checkAppDisabled, checkHomeUrl, checkTrustedIps, checkVisibleRange, type VisibleRange } from './console-settings';

export type PrivacyMode = 'post-2022' | 'legacy';
export const PRIVACY_MODES: readonly PrivacyMode[] = ['post-2022', 'legacy'];

export interface MockSettings {
  privacy: PrivacyMode;
  tokenTtlSeconds: number;
  /** Hosts allowed in redirect_uri; "host" matches any port, "host:port" only that port. */
  trustedDomains: string[];
  latencyMs: number;
  /**
   * How long the app may take to answer an event callback before it counts as failed (WeCom: 5 s).
   * Optional so that GET /__mock/settings shows it only once a test set it; see CALLBACK_DEFAULTS.
   */
  callbackTimeoutMs?: number;
  /** Pause between delivery attempts of one event; WeCom's is short, tests set 0. */
  callbackRetryDelayMs?: number;
  /**
   * 可见范围. Optional like the callback timings: GET /__mock/settings shows it once set; until then
   * the directory's own range applies (the seed's departments; agent/get reports it).
   */
  visibleRange?: VisibleRange;
  /** 应用主页 (agent/get `home_url`); shown once set, default "" (see CONSOLE_DEFAULTS). */
  homeUrl?: string;
  /** 已停用: agent/get says close 1 and the app's other APIs answer 50003; shown once set, default false. */
  appDisabled?: boolean;
  /**
   * 企业可信IP: when not empty, the app's calls from other addresses answer 60020 (gettoken
   * excepted); shown once set, default [] (not enforced).
   */
  trustedIps?: string[];
}

export const CALLBACK_DEFAULTS = { callbackTimeoutMs: 5000, callbackRetryDelayMs: 1000 } as const;

export const DEFAULT_SETTINGS: MockSettings = {
  privacy: 'post-2022',
  tokenTtlSeconds: 7200,
  trustedDomains: ['localhost', '127.0.0.1'],
  latencyMs: 0,
};

const MAX_LATENCY_MS = 60_000;
const TRUSTED_DOMAIN_SHAPE = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;

export type FieldCheck<T> = { ok: true; value: T } | { ok: false; message: string };

export function checkPrivacy(value: unknown): FieldCheck<PrivacyMode> {
  return PRIVACY_MODES.includes(value as PrivacyMode)
    ? { ok: true, value: value as PrivacyMode }
    : { ok: false, message: `privacy must be one of ${PRIVACY_MODES.join(', ')}` };
}

export function checkTokenTtlSeconds(value: unknown): FieldCheck<number> {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 7 * 86400
    ? { ok: true, value }
    : { ok: false, message: 'tokenTtlSeconds must be a whole number of seconds between 1 and 604800' };
}

export function checkLatencyMs(value: unknown): FieldCheck<number> {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_LATENCY_MS
    ? { ok: true, value }
    : { ok: false, message: `latencyMs must be a whole number of milliseconds between 0 and ${MAX_LATENCY_MS}` };
}

export function checkTrustedDomains(value: unknown): FieldCheck<string[]> {
  const fail = { ok: false as const, message: 'trustedDomains must be a list of hosts like "localhost" or "portal.example.com:3000"' };
  if (!Array.isArray(value) || value.length === 0) return fail;
  const hosts: string[] = [];
  for (const entry of value) {
    if (typeof entry !== 'string') return fail;
    const host = entry.trim().toLowerCase();
    if (!TRUSTED_DOMAIN_SHAPE.test(host)) return { ok: false, message: `trustedDomains: "${entry}" is not a host or host:port` };
    hosts.push(host);
  }
  return { ok: true, value: hosts };
}

function wholeMs(name: string, min: number, max: number) {
  return (value: unknown): FieldCheck<number> =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? { ok: true, value }
      : { ok: false, message: `${name} must be a whole number of milliseconds between ${min} and ${max}` };
}

const checks: { [K in keyof MockSettings]-?: (value: unknown) => FieldCheck<NonNullable<MockSettings[K]>> } = {
  privacy: checkPrivacy,
  tokenTtlSeconds: checkTokenTtlSeconds,
  trustedDomains: checkTrustedDomains,
  latencyMs: checkLatencyMs,
  callbackTimeoutMs: wholeMs('callbackTimeoutMs', 1, MAX_LATENCY_MS),
  callbackRetryDelayMs: wholeMs('callbackRetryDelayMs', 0, MAX_LATENCY_MS),
  visibleRange: checkVisibleRange,
  homeUrl: checkHomeUrl,
  appDisabled: checkAppDisabled,
  trustedIps: checkTrustedIps,
};

/** Validates a partial settings object; unknown keys are refused so typos do not pass silently. */
export function checkSettingsPatch(input: Record<string, unknown>): FieldCheck<Partial<MockSettings>> {
  const patch: Partial<MockSettings> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!(key in checks)) {
      return { ok: false, message: `unknown setting "${key}"; known: ${Object.keys(checks).join(', ')}` };
    }
    const name = key as keyof MockSettings;
    const result = checks[name](value);
    if (!result.ok) return result;
    (patch as Record<string, unknown>)[name] = result.value;
  }
  return { ok: true, value: patch };
}

/** True when `host` (lower case) and `port` (effective port) match one trusted entry. */
export function isTrustedHost(trustedDomains: string[], host: string, port: string): boolean {
  return trustedDomains.some((entry) => {
    const [entryHost, entryPort] = entry.split(':');
    return entryHost === host && (entryPort === undefined || entryPort === port);
  });
}
