/**
 * The one notice card: a title, what happened, what the reader can do. Pages render it
 * through components/notice.tsx; the sign-in route's pages (route handlers, where React
 * cannot render) through renderAuthPage. Both use this markup and public/app-base.css, so
 * the two kinds of page cannot drift apart.
 *
 * Actions are data, not elements, so that the same markup serves both: a link, or a POST
 * form (sign-out must be a same-origin POST).
 */
export type NoticeAction =
  | { kind: 'link'; label: string; href: string; testId?: string; quiet?: boolean }
  | { kind: 'post'; label: string; action: string; fields?: Record<string, string>; testId?: string; quiet?: boolean };

export interface NoticeContent {
  testId: string;
  title: string;
  body: string;
  /** A second line for another reader: what an employee can do on a page meant for the operator. */
  note?: string;
  /** Operator-facing detail: the errcode and what to fix. */
  details?: string[];
  actions?: NoticeAction[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const testIdAttribute = (testId: string | undefined) => (testId ? ` data-testid="${escapeHtml(testId)}"` : '');
const buttonClass = (quiet: boolean | undefined) => (quiet ? 'button button-quiet' : 'button');

function actionHtml(action: NoticeAction): string {
  const label = escapeHtml(action.label);
  if (action.kind === 'link') {
    return `<a class="${buttonClass(action.quiet)}"${testIdAttribute(action.testId)} href="${escapeHtml(action.href)}">${label}</a>`;
  }
  const fields = Object.entries(action.fields ?? {})
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<form method="post" action="${escapeHtml(action.action)}">${fields}<button type="submit" class="${buttonClass(action.quiet)}"${testIdAttribute(action.testId)}>${label}</button></form>`;
}

/** The card's markup; the caller puts it in a `<main class="page">`. */
export function noticeHtml(notice: NoticeContent): string {
  const note = notice.note ? `<p class="notice-note">${escapeHtml(notice.note)}</p>` : '';
  const details = notice.details?.length ? `<ul class="notice-details">${notice.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : '';
  const actions = notice.actions?.length ? `<div class="notice-actions">${notice.actions.map(actionHtml).join('')}</div>` : '';
  return `<section class="card notice"${testIdAttribute(notice.testId)}><h1>${escapeHtml(notice.title)}</h1><p>${escapeHtml(notice.body)}</p>${note}${details}${actions}</section>`;
}
