// Reads the CLI's MOCK_* environment into startMockWeCom options. Each bad value is reported by
// the variable's name so the operator knows what to fix.

import { readConsoleEnv } from './cli-env-console';
import { DIRECTORY_KINDS } from './directory';
import { checkCallbackAesKey, checkCallbackDetail, checkCallbackToken, checkCallbackUrl } from './events/callback-config';
import type { MockWeComOptions } from './server';
import { checkLatencyMs, checkPrivacy, checkTokenTtlSeconds, checkTrustedDomains, type FieldCheck } from './settings';

export const DEFAULT_CLI_PORT = 3100;

function asInteger(raw: string): number | string {
  return /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
}

export function parseMockEnv(env: Record<string, string | undefined>): FieldCheck<MockWeComOptions> {
  const options: MockWeComOptions = { port: DEFAULT_CLI_PORT };
  const read = (name: string) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  const fail = (name: string, message: string) => ({ ok: false as const, message: `${name}: ${message}` });

  const port = read('MOCK_PORT');
  if (port !== undefined) {
    const value = asInteger(port);
    if (typeof value !== 'number' || value < 0 || value > 65535) return fail('MOCK_PORT', `"${port}" is not a port number (0-65535)`);
    options.port = value;
  }

  const privacy = read('MOCK_PRIVACY');
  if (privacy !== undefined) {
    const check = checkPrivacy(privacy.trim());
    if (!check.ok) return fail('MOCK_PRIVACY', check.message);
    options.privacy = check.value;
  }

  const numeric: [string, 'tokenTtlSeconds' | 'latencyMs', (v: unknown) => FieldCheck<number>][] = [
    ['MOCK_TOKEN_TTL_SECONDS', 'tokenTtlSeconds', checkTokenTtlSeconds],
    ['MOCK_LATENCY_MS', 'latencyMs', checkLatencyMs],
  ];
  for (const [name, key, check] of numeric) {
    const raw = read(name);
    if (raw === undefined) continue;
    const result = check(asInteger(raw));
    if (!result.ok) return fail(name, result.message);
    options[key] = result.value;
  }

  const domains = read('MOCK_TRUSTED_DOMAINS');
  if (domains !== undefined) {
    const check = checkTrustedDomains(domains.split(',').map((d) => d.trim()).filter(Boolean));
    if (!check.ok) return fail('MOCK_TRUSTED_DOMAINS', check.message);
    options.trustedDomains = check.value;
  }

  const directory = read('MOCK_DIRECTORY');
  if (directory !== undefined) {
    const kind = DIRECTORY_KINDS.find((k) => k === directory);
    if (!kind) return fail('MOCK_DIRECTORY', `must be one of ${DIRECTORY_KINDS.map((k) => `"${k}"`).join(', ')}`);
    options.directory = kind;
  }

  const consoleSettings = readConsoleEnv(read);
  if (!consoleSettings.ok) return consoleSettings;
  Object.assign(options, consoleSettings.value);

  const callback = readCallback(read);
  if (!callback.ok) return callback;
  if (callback.value) options.callback = callback.value;

  return { ok: true, value: options };
}

const CALLBACK_VARIABLES = ['MOCK_CALLBACK_URL', 'MOCK_CALLBACK_TOKEN', 'MOCK_CALLBACK_AES_KEY'] as const;

/** The app's event callback: URL, token and key all three or none; the detail is optional. */
function readCallback(read: (name: string) => string | undefined): FieldCheck<MockWeComOptions['callback']> {
  const [url, token, aesKey] = CALLBACK_VARIABLES.map((name) => read(name)?.trim());
  const detail = read('MOCK_CALLBACK_DETAIL')?.trim();
  const together = `${CALLBACK_VARIABLES.join(', ')} go together`;
  if (url === undefined && token === undefined && aesKey === undefined) {
    return detail === undefined
      ? { ok: true, value: undefined }
      : { ok: false, message: `MOCK_CALLBACK_DETAIL: set only with a callback (${together})` };
  }
  const missing = CALLBACK_VARIABLES.find((_, i) => [url, token, aesKey][i] === undefined);
  if (missing) return { ok: false, message: `${missing}: missing (${together})` };

  const checks = [
    ['MOCK_CALLBACK_URL', checkCallbackUrl(url)],
    ['MOCK_CALLBACK_TOKEN', checkCallbackToken(token)],
    ['MOCK_CALLBACK_AES_KEY', checkCallbackAesKey(aesKey)],
  ] as const;
  for (const [name, check] of checks) {
    if (!check.ok) return { ok: false, message: `${name}: ${check.message}` };
  }
  const detailCheck = detail === undefined ? undefined : checkCallbackDetail(detail);
  if (detailCheck && !detailCheck.ok) return { ok: false, message: `MOCK_CALLBACK_DETAIL: ${detailCheck.message}` };
  return {
    ok: true,
    value: { url: url!, token: token!, aesKey: aesKey!, ...(detailCheck?.ok ? { detail: detailCheck.value } : {}) },
  };
}
