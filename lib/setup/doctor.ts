import type { AppConfig, ConfigError } from '@/lib/config';
import { checkApp, checkHomeUrl, checkTrustedDomain, checkTrustedIp } from './checks/app-settings';
import { checkConfig } from './checks/config';
import { checkClock, checkRedis } from './checks/local';
import { checkAdmins, checkVisibleRange } from './checks/people';
import { URL_CHECK_ANSWER_MS, checkCallback, checkDomainVerification } from './checks/reach';
import { checkToken } from './checks/token';
import type { DoctorContext } from './context';
import { pingRedis } from './redis-ping';
import { CHECK_IDS, skipped, type CheckId, type Finding, type Findings } from './report';
import { WeComProbe } from './wecom-probe';

/**
 * The setup doctor: every check of a tenant's setup, run against WeCom (and the app's own
 * public URL) as the app would meet them. One list serves the CLI (`npm run doctor`), the
 * admin API and page, and the start-up check. It reads no cache and writes nothing.
 */
export interface DoctorOptions {
  /** The configuration as the app parses it, or why it does not parse. */
  parsed: { config: AppConfig } | { error: ConfigError };
  /** One call to WeCom, Redis or APP_URL. */
  callTimeoutMs?: number;
  /** The whole run: a check still waiting by then is reported as failed. */
  deadlineMs?: number;
  /** How long the callback URL may take to answer WeCom's check before it is a warning (WeCom: about 1 s). */
  urlCheckAnswerMs?: number;
}

export const DEFAULT_CALL_TIMEOUT_MS = 3000;
export const DEFAULT_DEADLINE_MS = 12_000;

const CHECKS: Record<Exclude<CheckId, 'config'>, (ctx: DoctorContext) => Promise<Finding>> = {
  token: checkToken,
  'trusted-ip': checkTrustedIp,
  app: checkApp,
  'trusted-domain': checkTrustedDomain,
  'home-url': checkHomeUrl,
  'visible-range': checkVisibleRange,
  admins: checkAdmins,
  callback: checkCallback,
  'domain-verification': checkDomainVerification,
  redis: checkRedis,
  clock: checkClock,
};

export async function runSetupDoctor(options: DoctorOptions): Promise<Findings> {
  const config = checkConfig(options.parsed);
  if (!('config' in options.parsed)) {
    const notRun = skipped({ zh: '需要先修正配置', en: 'Needs the configuration fixed first' });
    return Object.fromEntries(CHECK_IDS.map((id) => [id, id === 'config' ? config : notRun])) as Findings;
  }

  const timeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const app = options.parsed.config;
  const ctx: DoctorContext = {
    config: app,
    wecom: new WeComProbe(app, timeoutMs),
    fetchPublic: (url) => fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual', cache: 'no-store' }),
    pingRedis: app.redisUrl ? () => pingRedis(app.redisUrl!, timeoutMs) : undefined,
    urlCheckAnswerMs: options.urlCheckAnswerMs ?? URL_CHECK_ANSWER_MS,
  };

  let stopDeadline = () => {};
  const deadline = new Promise<Finding>((resolve) => {
    const timer = setTimeout(
      () =>
        resolve({
          status: 'fail',
          detail: { zh: `${deadlineMs / 1000} 秒内没有得到回答`, en: `No answer within ${deadlineMs / 1000} s` },
          fix: { zh: '检查本服务器到企业微信和 APP_URL 的网络，然后重试。', en: 'Check the network from this server to WeCom and to APP_URL, then try again.' },
        }),
      deadlineMs,
    );
    stopDeadline = () => clearTimeout(timer);
  });
  const entries = await Promise.all(
    (Object.keys(CHECKS) as (keyof typeof CHECKS)[]).map(async (id) => [id, await Promise.race([CHECKS[id](ctx).catch(brokenCheck), deadline])] as const),
  );
  stopDeadline();
  return { config, ...Object.fromEntries(entries) } as Findings;
}

/** A check that threw is a bug of ours, reported as its own failure rather than losing the report. */
function brokenCheck(error: unknown): Finding {
  const what = error instanceof Error ? error.name : typeof error;
  return { status: 'fail', detail: { zh: `检查本身出错（${what}）`, en: `The check itself failed (${what})` } };
}
