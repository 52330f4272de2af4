import type { Messages } from '@/lib/i18n/messages';
import type { NoticeAction, NoticeContent } from '@/lib/ui/notice';
import type { InactiveReason } from './member-standing';
import { safeReturnPath } from './safe-return-path';

/**
 * Why a sign-in did not end on a page of the app, one reason a page. The sign-in route answers
 * a failure with a redirect to /auth/notice?reason=…, so the address carries a reason and
 * never text: a reload shows the same page (the callback's code and state are spent), and
 * nothing can be injected. What an operator needs is in the log, never here.
 */
export const SIGN_IN_NOTICES = {
  'state-invalid': { status: 400, testId: 'login-state-invalid', action: 'again' },
  refused: { status: 401, testId: 'login-refused', action: 'retry' },
  'non-member': { status: 403, testId: 'login-non-member', action: 'otherAccount' },
  'code-invalid': { status: 400, testId: 'login-code-invalid', action: 'again' },
  'bad-request': { status: 400, testId: 'login-bad-request', action: 'again' },
  'not-visible': { status: 403, testId: 'login-not-visible', action: 'otherAccount' },
  disabled: { status: 403, testId: 'member-inactive', action: 'otherAccount' },
  left: { status: 403, testId: 'member-inactive', action: 'otherAccount' },
  deleted: { status: 403, testId: 'member-inactive', action: 'otherAccount' },
  inactive: { status: 403, testId: 'member-inactive', action: 'otherAccount' },
  'not-set-up': { status: 503, testId: 'login-not-set-up', action: 'retry' },
  'wecom-busy': { status: 503, testId: 'login-unavailable', action: 'retry' },
  'wecom-unreachable': { status: 502, testId: 'login-unavailable', action: 'retry' },
  'wecom-rate-limited': { status: 503, testId: 'login-wecom-rate-limited', action: 'retry' },
  'rate-limited': { status: 429, testId: 'login-rate-limited', action: 'retry' },
} as const satisfies Record<string, { status: number; testId: string; action: 'again' | 'retry' | 'otherAccount' }>;

export type SignInNotice = keyof typeof SIGN_IN_NOTICES;

export const SIGN_IN_NOTICE_PATH = '/auth/notice';

export function signInNoticeFrom(value: string | null | undefined): SignInNotice | null {
  return value && Object.hasOwn(SIGN_IN_NOTICES, value) ? (value as SignInNotice) : null;
}

/** The notice's address; `next` is where "try again" leads (a path of this site, checked again when read). */
export function signInNoticeUrl(appUrl: string, reason: SignInNotice, next?: string): string {
  const query = new URLSearchParams({ reason });
  if (next && next !== '/') query.set('next', next);
  return `${appUrl}${SIGN_IN_NOTICE_PATH}?${query}`;
}

/** What WeCom's standing of a member becomes on the notice. */
export function noticeOfInactive(reason: InactiveReason): SignInNotice {
  return reason === 'not_visible' ? 'not-visible' : reason;
}

/** The card for a reason, in the reader's language; `corp` names the company on the inactive pages. */
export function signInNoticeContent(reason: SignInNotice, t: Messages, options: { corp: string; next: string | null }): NoticeContent {
  const s = t.signIn;
  const text: Record<SignInNotice, { title: string; body: string; note?: string }> = {
    'state-invalid': { title: s.stateInvalidTitle, body: s.stateInvalidBody },
    refused: { title: s.refusedTitle, body: s.refusedBody },
    'non-member': { title: s.nonMemberTitle, body: s.nonMemberBody },
    'code-invalid': { title: s.codeInvalidTitle, body: s.codeInvalidBody },
    'bad-request': { title: s.badRequestTitle, body: s.badRequestBody },
    'not-visible': { title: s.notVisibleTitle, body: s.notVisibleBody },
    disabled: { title: s.disabledTitle, body: s.disabledBody },
    left: { title: s.leftTitle, body: s.leftBody },
    deleted: { title: s.deletedTitle, body: s.deletedBody },
    inactive: { title: s.inactiveTitle, body: s.inactiveBody },
    'not-set-up': { title: t.notSetUp.title, body: t.notSetUp.body, note: t.notSetUp.operatorNote },
    'wecom-busy': { title: s.unavailableTitle, body: s.unavailableBody },
    'wecom-unreachable': { title: s.unavailableTitle, body: s.unavailableBody },
    'wecom-rate-limited': { title: s.wecomRateLimitedTitle, body: s.wecomRateLimitedBody },
    'rate-limited': { title: s.rateLimitedTitle, body: s.rateLimitedBody },
  };
  const { title, body, note } = text[reason];
  const next = safeReturnPath(options.next);
  const actions: Record<(typeof SIGN_IN_NOTICES)[SignInNotice]['action'], NoticeAction> = {
    again: { kind: 'link', label: s.again, href: next, testId: 'auth-action' },
    retry: { kind: 'link', label: s.retry, href: next, testId: 'auth-action' },
    otherAccount: { kind: 'link', label: s.otherAccount, href: '/auth/sign-in', testId: 'auth-action' },
  };
  const notice = SIGN_IN_NOTICES[reason];
  return { testId: notice.testId, title, body: body.replace('{corp}', options.corp), note, actions: [actions[notice.action]] };
}
