import type { Bilingual, Locale } from '@/lib/i18n/locale';

/**
 * What the setup doctor reports: one result a check, in a fixed order with fixed ids that
 * scripts and tests key on. Checks find things in both languages; the report is put in the
 * reader's language last, so the CLI, the admin API and the page say the same thing.
 */
export const CHECK_IDS = [
  'config',
  'token',
  'trusted-ip',
  'app',
  'trusted-domain',
  'home-url',
  'visible-range',
  'admins',
  'callback',
  'domain-verification',
  'redis',
  'clock',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** What one check found, before it is put in a language. */
export interface Finding {
  status: CheckStatus;
  detail: Bilingual;
  /** What to change, and where in the WeCom console; absent when there is nothing to do. */
  fix?: Bilingual;
}

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  title: string;
  detail: string;
  /** Empty when there is nothing to fix. */
  fix: string;
}

export interface SetupReport {
  /** No check failed (warnings and skips allowed). */
  ok: boolean;
  checks: CheckResult[];
}

export type Findings = Record<CheckId, Finding>;

const TITLES: Record<CheckId, Bilingual> = {
  config: { zh: '配置', en: 'Configuration' },
  token: { zh: '获取 access_token（企业ID 与 Secret）', en: 'access_token (CorpID and Secret)' },
  'trusted-ip': { zh: '企业可信IP', en: 'Trusted IPs' },
  app: { zh: '应用状态', en: 'App status' },
  'trusted-domain': { zh: '可信域名', en: 'Trusted domain' },
  'home-url': { zh: '应用主页', en: 'App home page' },
  'visible-range': { zh: '可见范围', en: 'Visible range' },
  admins: { zh: '管理员', en: 'Admins' },
  callback: { zh: '接收消息（事件回调）', en: 'Receiving messages (event callbacks)' },
  'domain-verification': { zh: '域名归属校验文件', en: 'Domain ownership file' },
  redis: { zh: 'Redis', en: 'Redis' },
  clock: { zh: '服务器时钟', en: 'Server clock' },
};

export function checkTitle(id: CheckId, locale: Locale): string {
  return TITLES[id][locale];
}

export function reportIn(findings: Findings, locale: Locale): SetupReport {
  const checks = CHECK_IDS.map((id) => {
    const finding = findings[id];
    return { id, status: finding.status, title: TITLES[id][locale], detail: finding.detail[locale], fix: finding.fix?.[locale] ?? '' };
  });
  return { ok: checks.every((c) => c.status !== 'fail'), checks };
}

/** The same words in both languages, for values that need no translation. */
export const both = (text: string): Bilingual => ({ zh: text, en: text });

export const skipped = (detail: Bilingual): Finding => ({ status: 'skip', detail });
