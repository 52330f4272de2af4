import type { Bilingual } from '@/lib/i18n/locale';

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

/** What the operator should do, in the WeCom console's own words: Chinese first, as the console reads. */
export type OperatorHint = Bilingual;

export interface ErrcodeEntry {
  kind: WeComErrorKind;
  meaning: string;
  /** For the operator: logs, the setup page, admin-only notices. Never shown to an employee. */
  hint?: OperatorHint;
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
    hint: {
      zh: 'WECOM_CORP_ID 与企业ID不符：在管理后台「我的企业 → 企业信息 → 企业ID」复制。',
      en: 'WECOM_CORP_ID is not the CorpID: copy it from My Company → Company Information → CorpID in the WeCom admin console.',
    },
  },
  40091: {
    kind: 'config',
    meaning: 'secret is invalid',
    hint: {
      zh: 'WECOM_SECRET 格式不对：在「应用管理 → 应用 → 本应用 → Secret → 查看」重新获取并完整复制。',
      en: "WECOM_SECRET is malformed: view it again under App Management → Apps → this app → Secret → View, and copy all of it.",
    },
  },
  41004: {
    kind: 'config',
    meaning: 'corpsecret missing',
    hint: {
      zh: '设置 WECOM_SECRET 为本自建应用的 Secret（应用管理 → 应用 → 本应用 → Secret）。',
      en: "Set WECOM_SECRET to this self-built app's Secret (App Management → Apps → this app → Secret).",
    },
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
    hint: {
      zh: '本应用无权调用该接口：确认 WECOM_SECRET 是「应用管理 → 应用 → 本应用」的 Secret（不是通讯录同步的），并在该应用的「开发者接口」中检查接口权限。',
      en: "The app may not call this API: check that WECOM_SECRET is the Secret under App Management → Apps → this app (not the contact-sync one), and the API permissions under its Developer API.",
    },
  },
  48009: {
    kind: 'config',
    meaning: 'contact sync secret used from a new IP',
    hint: {
      zh: '请改用本自建应用的 Secret，或在「管理工具 → 通讯录同步」中把本服务器加入可信 IP。',
      en: "Use this self-built app's Secret, or add this server under Management Tools → Contact Sync → trusted IPs.",
    },
  },
  50001: {
    kind: 'config',
    meaning: 'redirect_uri is not on the trusted domain',
    hint: {
      zh: '在「应用管理 → 应用 → 本应用 → 网页授权及JS-SDK → 设置可信域名」填写 APP_URL 的域名。',
      en: "Set this app's trusted domain (App Management → Apps → this app → Web Authorization and JS-SDK → Trusted domain) to APP_URL's host.",
    },
  },
  50003: {
    kind: 'config',
    meaning: 'the app is disabled',
    hint: {
      zh: '本应用已停用：在「应用管理 → 应用 → 本应用」点击「启用」。',
      en: 'The app is disabled: enable it under App Management → Apps → this app.',
    },
  },
  60020: {
    kind: 'config',
    meaning: 'server IP is not a trusted IP of the app',
    hint: {
      zh: '在「应用管理 → 应用 → 本应用 → 企业可信IP → 配置」加入企业微信看到的服务器 IP（须先设置可信域名或接收消息服务器URL）。',
      en: "Add the server IP WeCom saw under App Management → Apps → this app → Trusted IPs → Configure (the console asks for a trusted domain or a message-receiving URL first).",
    },
  },
  301002: {
    kind: 'config',
    meaning: 'the token belongs to another app',
    hint: {
      zh: 'WECOM_AGENT_ID 与 WECOM_SECRET 不属于同一个应用：在「应用管理 → 应用 → 本应用」核对 AgentId 和 Secret。',
      en: 'WECOM_AGENT_ID and WECOM_SECRET belong to different apps: compare the AgentId and Secret under App Management → Apps → this app.',
    },
  },
  40056: {
    kind: 'config',
    meaning: 'invalid agentid',
    hint: {
      zh: 'WECOM_AGENT_ID 不是本企业的应用：在「应用管理 → 应用 → 本应用」复制 AgentId。',
      en: "WECOM_AGENT_ID is not an app of this company: copy the AgentId from App Management → Apps → this app.",
    },
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
    hint: {
      zh: 'WECOM_SECRET 不是本应用的 Secret：在「应用管理 → 应用 → 本应用 → Secret → 查看」重新获取。',
      en: "WECOM_SECRET is not this app's Secret: view it again under App Management → Apps → this app → Secret → View.",
    },
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
  readonly hint?: OperatorHint;

  constructor(
    readonly api: string,
    readonly errcode: number | null,
    private readonly entry: ErrcodeEntry,
    private readonly detail?: string,
    /** The address WeCom says the call came from (`from ip:` in errmsg): what 企业可信IP must list. */
    readonly callerIp?: string,
  ) {
    const code = errcode === null ? '' : ` errcode ${errcode}`;
    super(`WeCom ${api} failed:${code} (${entry.meaning})${detail ? `: ${detail}` : ''}`);
    this.name = 'WeComError';
    this.kind = entry.kind;
    this.hint = entry.hint;
  }

  /** What went wrong in a few words, without the API's name: "secret is invalid", "WeCom did not answer usably: HTTP 404". */
  get meaning(): string {
    return this.detail ? `${this.entry.meaning}: ${this.detail}` : this.entry.meaning;
  }

  static fromErrcode(api: string, errcode: number, errmsg?: unknown): WeComError {
    return new WeComError(api, errcode, describeErrcode(errcode, api), undefined, callerIpFromErrmsg(errmsg));
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
    return {
      api: this.api,
      errcode: this.errcode,
      entry: this.entry,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.callerIp ? { callerIp: this.callerIp } : {}),
    };
  }

  static restore(snapshot: WeComErrorSnapshot): WeComError {
    return new WeComError(snapshot.api, snapshot.errcode, snapshot.entry, snapshot.detail, snapshot.callerIp);
  }
}

export interface WeComErrorSnapshot {
  api: string;
  errcode: number | null;
  entry: ErrcodeEntry;
  detail?: string;
  callerIp?: string;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const IPV6 = /^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$/i;

/**
 * WeCom writes the caller's address into every errmsg (`…, from ip: 1.2.3.4, more info at …`).
 * Only a well-formed address is kept: errmsg is WeCom's text, and this value reaches logs and
 * the setup page.
 */
export function callerIpFromErrmsg(errmsg: unknown): string | undefined {
  if (typeof errmsg !== 'string') return undefined;
  const found = /from ip: ?([0-9A-Fa-f.:]{2,45})/.exec(errmsg)?.[1];
  return found && (IPV4.test(found) || IPV6.test(found)) ? found : undefined;
}

export function isWeComError(error: unknown): error is WeComError {
  return typeof error === 'object' && error !== null && (error as { [WECOM_ERROR]?: boolean })[WECOM_ERROR] === true;
}
