import { z } from 'zod';

/**
 * The deployment contract: every environment variable the app reads, parsed once.
 * A bad value stops start-up with one message naming every offending variable,
 * because an operator fixing a deployment wants the whole list, not one error a restart.
 */

export type WeComScope = 'snsapi_base' | 'snsapi_privateinfo';

export interface AppConfig {
  corpId: string;
  agentId: number;
  secret: string;
  apiBase: string;
  oauthUrl: string;
  ssoUrl: string;
  scope: WeComScope;
  appUrl: string;
  sessionSecret: string;
  sessionTtlSeconds: number;
  /** How long a started sign-in (its `state`) stays open, and how long a used one is remembered as spent. */
  signInStateSeconds: number;
  adminUserIds: string[];
  adminTagId?: number;
  redisUrl?: string;
  /** Timeout of one call to WeCom; not part of the public contract, tuned by tests. */
  wecomTimeoutMs: number;
  /** How long profile and directory data is reused before WeCom is asked again. */
  dataCacheSeconds: number;
  /** WeCom's event callbacks (接收消息 → API 接收); absent when not configured. */
  callback?: { token: string; aesKey: string };
  /** Bearer token a Prometheus scraper sends to GET /api/metrics; metrics are off without it. */
  metricsToken?: string;
  /** Code exchanges (sign-in callbacks, mini-program logins) per minute per client address. */
  signInRateLimit: number;
  /** How many reverse proxies in front append to X-Forwarded-For; 0 = the socket is the client. */
  trustedProxyCount: number;
  /** IPv6 clients count per network of this prefix length for rate limits (one subscriber's /64). */
  rateLimitIpv6Prefix: number;
  /** Origins allowed to frame the app (CSP frame-ancestors); only the app itself by default. */
  frameAncestors: string[];
  /** WeCom's domain-ownership files (WW_verify_….txt), served at the site's root while the console checks the 可信域名. */
  domainVerification: DomainVerificationFile[];
  /** Whether APP_URL was set, not defaulted: the setup doctor says which origin it checked. */
  appUrlConfigured: boolean;
  production: boolean;
}

export interface DomainVerificationFile {
  fileName: string;
  content: string;
}

/** The name WeCom's console gives the file, e.g. WW_verify_Fq59yEz1hetrogRO.txt. */
export const DOMAIN_VERIFICATION_FILE = /^WW_verify_[A-Za-z0-9]{1,64}\.txt$/;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'wecom-portal cannot start: fix these environment variables (in .env.local or the deployment):\n' +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), `must be an http(s) URL (${what})`)
    .transform((v) => v.replace(/\/+$/, ''));

const positiveInt = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number (${what})`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max} (${what})`);

const noSpaces = (what: string) =>
  z.string().trim().min(1, `is empty; set ${what}`).regex(/^\S+$/, `must not contain spaces (${what})`);

function schemaFor(production: boolean) {
  const requiredInProduction = <T extends z.ZodType<string, string>>(schema: T, hint: string) =>
    production ? z.string({ error: `is required in production; ${hint}` }).pipe(schema) : schema.optional();

  return z.object({
    WECOM_CORP_ID: z.string({ error: 'is required: the CorpID from My Company > Company Info in the WeCom admin console' }).pipe(noSpaces('the CorpID')),
    WECOM_AGENT_ID: z.string({ error: "is required: the AgentId of the self-built app" }).pipe(positiveInt("the app's AgentId", 1, 2 ** 31 - 1)),
    WECOM_SECRET: z.string({ error: "is required: the self-built app's Secret" }).pipe(noSpaces("the app's Secret")),
    WECOM_API_BASE: httpUrl('qyapi origin').default('https://qyapi.weixin.qq.com'),
    WECOM_OAUTH_URL: httpUrl('in-app authorize URL').default('https://open.weixin.qq.com/connect/oauth2/authorize'),
    WECOM_SSO_URL: httpUrl('browser login URL').default('https://login.work.weixin.qq.com/wwlogin/sso/login'),
    WECOM_SCOPE: z
      .enum(['snsapi_base', 'snsapi_privateinfo'], { error: 'must be snsapi_base or snsapi_privateinfo' })
      .default('snsapi_base'),
    APP_URL: requiredInProduction(
      httpUrl('the public origin, e.g. https://portal.example.com').refine(
        (v) => new URL(v).pathname === '/' && !new URL(v).search,
        'must be an origin without a path, e.g. https://portal.example.com',
      ),
      'set it to the public origin the app is served from (its host must be the trusted domain of the WeCom app)',
    ),
    SESSION_SECRET: requiredInProduction(
      z.string().min(32, 'must be at least 32 characters; generate one with `openssl rand -base64 32`'),
      'set it to a random string of at least 32 characters (`openssl rand -base64 32`)',
    ),
    SESSION_TTL_SECONDS: positiveInt('session lifetime in seconds', 1, 30 * 24 * 3600).default(28800),
    SIGN_IN_STATE_SECONDS: positiveInt('seconds a started sign-in stays open', 60, 3600).default(600),
    ADMIN_USERIDS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
    WECOM_ADMIN_TAG_ID: positiveInt('a WeCom tag id', 1, 2 ** 31 - 1).optional(),
    REDIS_URL: z
      .string()
      .trim()
      .refine((v) => /^rediss?:\/\//.test(v) && URL.canParse(v), 'must be a redis:// or rediss:// URL')
      .optional(),
    WECOM_TIMEOUT_MS: positiveInt('milliseconds', 100, 60_000).default(5000),
    DATA_CACHE_SECONDS: positiveInt('seconds', 0, 3600).default(60),
    WECOM_CALLBACK_TOKEN: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{3,32}$/, "must be 3-32 letters and digits: the Token from the app's 接收消息 → API 接收 settings")
      .optional(),
    WECOM_CALLBACK_AES_KEY: z
      .string()
      .trim()
      .refine(
        (v) => /^[A-Za-z0-9+/]{43}$/.test(v) && Buffer.from(`${v}=`, 'base64').length === 32,
        "must be the 43-character EncodingAESKey from the app's 接收消息 → API 接收 settings",
      )
      .optional(),
    METRICS_TOKEN: z
      .string()
      .trim()
      .regex(/^[\x21-\x7e]{16,256}$/, 'must be 16-256 printable characters without spaces (the scraper sends it as a bearer token)')
      .optional(),
    SIGN_IN_RATE_LIMIT: positiveInt('code exchanges per minute per client address', 1, 1_000_000).default(600),
    TRUSTED_PROXY_COUNT: positiveInt('reverse proxies in front of the app that append to X-Forwarded-For', 0, 10).default(0),
    RATE_LIMIT_IPV6_PREFIX: positiveInt('the IPv6 prefix length one client is counted by for rate limits, 64 for one subscriber', 32, 128).default(64),
    FRAME_ANCESTORS: z
      .string()
      .trim()
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .refine(
        (origins) => origins.every((o) => /^https:\/\/[^\s/;'"]+$/.test(o) && URL.canParse(o)),
        'must be https origins separated by spaces or commas, e.g. https://intranet.example.com (the app itself is always allowed)',
      )
      .default([]),
    WECOM_DOMAIN_VERIFICATION: z
      .string()
      .trim()
      .transform((v, ctx) => {
        const files: DomainVerificationFile[] = [];
        for (const pair of v.split(',').map((p) => p.trim()).filter(Boolean)) {
          const colon = pair.indexOf(':');
          const fileName = colon < 0 ? pair : pair.slice(0, colon);
          const content = colon < 0 ? '' : pair.slice(colon + 1);
          if (!DOMAIN_VERIFICATION_FILE.test(fileName) || !/^[A-Za-z0-9_=+/.-]{1,256}$/.test(content)) {
            ctx.addIssue({
              code: 'custom',
              message: `"${fileName}" is not NAME:CONTENT with NAME like WW_verify_Ab12.txt and CONTENT the file's text, as downloaded from the WeCom console (several pairs separated by commas)`,
            });
            return z.NEVER;
          }
          files.push({ fileName, content });
        }
        return files;
      })
      .default([]),
  });
}

/** Empty strings count as unset: `FOO=` in a .env file means "use the default". */
function withoutEmpty(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}

export function parseConfig(env: Env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const problems: { variable: string; message: string }[] = [];

  for (const name of Object.keys(env)) {
    if (name.startsWith('NEXT_PUBLIC_') && /SECRET|TOKEN|TICKET|PASSWORD/i.test(name)) {
      problems.push({
        variable: name,
        message: 'NEXT_PUBLIC_ variables are copied into the browser bundle; remove it and use the server-only name',
      });
    }
  }

  const parsed = schemaFor(production).safeParse(withoutEmpty(env));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ variable: String(issue.path[0] ?? 'environment'), message: issue.message });
    }
  }
  if (parsed.success && Boolean(parsed.data.WECOM_CALLBACK_TOKEN) !== Boolean(parsed.data.WECOM_CALLBACK_AES_KEY)) {
    const missing = parsed.data.WECOM_CALLBACK_TOKEN ? 'WECOM_CALLBACK_AES_KEY' : 'WECOM_CALLBACK_TOKEN';
    problems.push({ variable: missing, message: 'is required with the other event-callback setting: set both WECOM_CALLBACK_TOKEN and WECOM_CALLBACK_AES_KEY, or neither' });
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);

  const v = parsed.data;
  return {
    corpId: v.WECOM_CORP_ID,
    agentId: v.WECOM_AGENT_ID,
    secret: v.WECOM_SECRET,
    apiBase: v.WECOM_API_BASE,
    oauthUrl: v.WECOM_OAUTH_URL,
    ssoUrl: v.WECOM_SSO_URL,
    scope: v.WECOM_SCOPE,
    appUrl: v.APP_URL ?? 'http://localhost:3000',
    sessionSecret: v.SESSION_SECRET ?? developmentSessionSecret(),
    sessionTtlSeconds: v.SESSION_TTL_SECONDS,
    signInStateSeconds: v.SIGN_IN_STATE_SECONDS,
    adminUserIds: v.ADMIN_USERIDS,
    adminTagId: v.WECOM_ADMIN_TAG_ID,
    redisUrl: v.REDIS_URL,
    wecomTimeoutMs: v.WECOM_TIMEOUT_MS,
    dataCacheSeconds: v.DATA_CACHE_SECONDS,
    callback: v.WECOM_CALLBACK_TOKEN && v.WECOM_CALLBACK_AES_KEY ? { token: v.WECOM_CALLBACK_TOKEN, aesKey: v.WECOM_CALLBACK_AES_KEY } : undefined,
    metricsToken: v.METRICS_TOKEN,
    signInRateLimit: v.SIGN_IN_RATE_LIMIT,
    trustedProxyCount: v.TRUSTED_PROXY_COUNT,
    rateLimitIpv6Prefix: v.RATE_LIMIT_IPV6_PREFIX,
    frameAncestors: ["'self'", ...v.FRAME_ANCESTORS],
    domainVerification: v.WECOM_DOMAIN_VERIFICATION,
    appUrlConfigured: v.APP_URL !== undefined,
    production,
  };
}

/** Outside production a missing secret gets a random one for this process: sessions end on restart. */
function developmentSessionSecret(): string {
  const holder = globalThis as { __wecomDevSessionSecret?: string };
  holder.__wecomDevSessionSecret ??= crypto.randomUUID() + crypto.randomUUID();
  return holder.__wecomDevSessionSecret;
}

let cached: AppConfig | undefined;

/** The configuration of this process, parsed on first use (start-up validates it eagerly). */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
