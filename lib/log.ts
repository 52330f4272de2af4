/**
 * Structured logs: one JSON object a line. Keys that could carry a credential are
 * replaced before writing, so a careless call site cannot leak a token or a code.
 */
const CREDENTIAL_KEYS = new Set([
  'access_token',
  'accesstoken',
  'token',
  'secret',
  'corpsecret',
  'code',
  'js_code',
  'user_ticket',
  'userticket',
  'ticket',
  'session_key',
  'sessionkey',
  'password',
  'cookie',
  'aeskey',
  'encodingaeskey',
  'echostr',
  'encrypt',
]);

type Fields = Record<string, unknown>;

function redact(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = CREDENTIAL_KEYS.has(key.toLowerCase()) ? '[redacted]' : value;
  }
  return out;
}

/**
 * Expected conditions (WeCom busy, a member out of range, a 403) are warnings, not errors:
 * `next dev` shows every console.error as an "Issue" on the page, which would cry wolf.
 */
const CONSOLE_METHOD = { info: 'log', warn: 'warn', error: 'error' } as const;

function write(level: keyof typeof CONSOLE_METHOD, event: string, fields: Fields = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...redact(fields) });
  // Looked up on each call, so a test that replaces console.warn sees the line.
  console[CONSOLE_METHOD[level]](line);
}

export const log = {
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, fields?: Fields) => write('error', event, fields),
};
