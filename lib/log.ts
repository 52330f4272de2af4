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

function write(level: 'info' | 'warn' | 'error', event: string, fields: Fields = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...redact(fields) });
  (level === 'info' ? console.log : console.error)(line);
}

export const log = {
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, fields?: Fields) => write('error', event, fields),
};
