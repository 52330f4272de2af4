/**
 * Every WeCom errcode the app handles, mapped once to a kind that callers branch on
 * and a hint for the operator. Callers never look at errmsg: WeCom appends a
 * per-request hint to it, so it never compares equal.
 */

export type WeComErrorKind =
  | 'token_invalid' // access_token rejected: drop it, fetch a new one, retry once
  | 'code_invalid' // OAuth / mini-program code or user_ticket used, expired or foreign
  | 'config' // the app is set up wrongly in the WeCom admin console or in our environment
  | 'rate_limited' // over WeCom's frequency or concurrency limit: back off
  | 'busy' // WeCom asks to retry later
  | 'not_visible' // outside the app's visible range
  | 'not_found' // no such member / department / tag
  | 'invalid_request' // WeCom rejected a parameter we sent
  | 'unavailable' // no usable answer: network error, timeout, HTTP error, not JSON
  | 'unknown'; // an errcode this table does not know

export interface ErrcodeEntry {
  kind: WeComErrorKind;
  meaning: string;
  /** What the operator should do; shown on configuration error pages and in logs. */
  hint?: string;
}

const ERRCODES: Record<number, ErrcodeEntry> = {
  [-1]: { kind: 'busy', meaning: 'system busy' },
  40001: { kind: 'token_invalid', meaning: 'invalid credential (access_token)' },
  40014: { kind: 'token_invalid', meaning: 'invalid access_token' },
  42001: { kind: 'token_invalid', meaning: 'access_token expired' },
  41001: { kind: 'token_invalid', meaning: 'access_token missing' },
  40013: {
    kind: 'config',
    meaning: 'invalid corpid',
    hint: 'WECOM_CORP_ID does not match the CorpID shown under My Company > Company Info in the WeCom admin console.',
  },
  40091: {
    kind: 'config',
    meaning: 'secret is invalid',
    hint: "WECOM_SECRET is malformed: copy the Secret from the app's page in the WeCom admin console (App Management).",
  },
  41004: {
    kind: 'config',
    meaning: 'corpsecret missing',
    hint: "Set WECOM_SECRET to the self-built app's Secret.",
  },
  40029: { kind: 'code_invalid', meaning: 'invalid code (used, expired or issued for another app)' },
  41008: { kind: 'code_invalid', meaning: 'code missing' },
  84014: { kind: 'code_invalid', meaning: 'user_ticket expired' },
  84015: { kind: 'code_invalid', meaning: 'user_ticket invalid' },
  45009: { kind: 'rate_limited', meaning: 'API frequency limit reached' },
  45033: { kind: 'rate_limited', meaning: 'API concurrency limit reached' },
  48002: {
    kind: 'config',
    meaning: 'API forbidden for this app',
    hint: "The app has no permission for this API: check the app's permissions and that WECOM_SECRET belongs to this self-built app, not to contact sync.",
  },
  48009: {
    kind: 'config',
    meaning: 'contact sync secret used from a new IP',
    hint: 'Use the self-built app Secret, or add this server to the contact sync trusted IPs.',
  },
  50001: {
    kind: 'config',
    meaning: 'redirect_uri is not on the trusted domain',
    hint: "Set the app's trusted domain (Web authorization and JS-SDK) in the WeCom admin console to the host of APP_URL.",
  },
  60020: {
    kind: 'config',
    meaning: 'server IP is not a trusted IP of the app',
    hint: "Add this server's public IP to the app's Trusted IPs in the WeCom admin console.",
  },
  60011: { kind: 'not_visible', meaning: "outside the app's visible range" },
  50002: { kind: 'not_visible', meaning: "outside the app's visible range" },
  60111: { kind: 'not_found', meaning: 'userid not found' },
  60123: { kind: 'not_found', meaning: 'department not found' },
  40068: { kind: 'not_found', meaning: 'tag not found' },
  47001: { kind: 'invalid_request', meaning: 'request body is not valid JSON' },
};

/** gettoken answers 40001 for a wrong secret: there it is a configuration error, not a stale token. */
const GETTOKEN_OVERRIDES: Record<number, ErrcodeEntry> = {
  40001: {
    kind: 'config',
    meaning: 'invalid credential (wrong secret)',
    hint: "WECOM_SECRET is not this app's Secret: copy it again from the app's page in the WeCom admin console.",
  },
};

export function describeErrcode(errcode: number, api: string): ErrcodeEntry {
  return (api === 'gettoken' ? GETTOKEN_OVERRIDES[errcode] : undefined) ?? ERRCODES[errcode] ?? { kind: 'unknown', meaning: 'unknown errcode' };
}

/**
 * Next bundles server code into several chunks, so one process can hold two copies of this
 * class (the client is shared through globalThis). A registered symbol marks instances of any copy.
 */
const WECOM_ERROR = Symbol.for('wecom-portal.WeComError');

export class WeComError extends Error {
  readonly [WECOM_ERROR] = true;
  readonly kind: WeComErrorKind;
  readonly hint?: string;

  constructor(
    readonly api: string,
    readonly errcode: number | null,
    private readonly entry: ErrcodeEntry,
    private readonly detail?: string,
  ) {
    const code = errcode === null ? '' : ` errcode ${errcode}`;
    super(`WeCom ${api} failed:${code} (${entry.meaning})${detail ? `: ${detail}` : ''}`);
    this.name = 'WeComError';
    this.kind = entry.kind;
    this.hint = entry.hint;
  }

  static fromErrcode(api: string, errcode: number): WeComError {
    return new WeComError(api, errcode, describeErrcode(errcode, api));
  }

  /** A gateway error in front of WeCom: as retryable as errcode -1. */
  static busyHttp(api: string, status: number): WeComError {
    return new WeComError(api, null, { kind: 'busy', meaning: 'WeCom is temporarily unavailable' }, `HTTP ${status}`);
  }

  static unavailable(api: string, detail: string): WeComError {
    return new WeComError(api, null, { kind: 'unavailable', meaning: 'WeCom did not answer usably' }, detail);
  }

  /** What a store keeps of a failure, to answer later callers with the same error. */
  snapshot(): WeComErrorSnapshot {
    return { api: this.api, errcode: this.errcode, entry: this.entry, ...(this.detail ? { detail: this.detail } : {}) };
  }

  static restore(snapshot: WeComErrorSnapshot): WeComError {
    return new WeComError(snapshot.api, snapshot.errcode, snapshot.entry, snapshot.detail);
  }
}

export interface WeComErrorSnapshot {
  api: string;
  errcode: number | null;
  entry: ErrcodeEntry;
  detail?: string;
}

export function isWeComError(error: unknown): error is WeComError {
  return typeof error === 'object' && error !== null && (error as { [WECOM_ERROR]?: boolean })[WECOM_ERROR] === true;
}
