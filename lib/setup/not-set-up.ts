import type { Locale } from '@/lib/i18n/locale';
import type { Messages } from '@/lib/i18n/messages';
import { log } from '@/lib/log';
import type { NoticeContent } from '@/lib/ui/notice';
import type { WeComError } from '@/lib/wecom/errors';

/**
 * What a visitor meets when WeCom refuses the app because of its console setup (untrusted IP,
 * disabled app, trusted domain, wrong Secret…): one page saying the app is not set up yet,
 * with no errcode, IP or setting named. What an operator needs goes to the log line below,
 * and to admins, who may see the hint in their language and the way to /admin/setup.
 */
export function notSetUpNotice(t: Messages, viewer: { locale: Locale; admin: boolean; error: WeComError; testId: string }): NoticeContent {
  const n = t.notSetUp;
  if (!viewer.admin) return { testId: viewer.testId, title: n.title, body: n.body, note: n.operatorNote };
  return {
    testId: viewer.testId,
    title: n.title,
    body: n.body,
    note: n.adminNote,
    details: viewer.error.hint ? [viewer.error.hint[viewer.locale]] : [],
    actions: [{ kind: 'link', label: n.openSetup, href: '/admin/setup', testId: 'notice-open-setup' }],
  };
}

/** One line for the operator: the errcode, the address WeCom saw, and the fix in both languages. */
export function logSetupError(event: string, error: WeComError, fields: Record<string, unknown> = {}): void {
  log.warn(event, {
    ...fields,
    api: error.api,
    errcode: error.errcode,
    meaning: error.meaning,
    ...(error.callerIp ? { callerIp: error.callerIp } : {}),
    ...(error.hint ? { fix_zh: error.hint.zh, fix_en: error.hint.en } : {}),
  });
}
