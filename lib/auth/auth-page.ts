import { NextResponse } from 'next/server';
import type { Locale } from '@/lib/i18n/locale';
import { escapeHtml, noticeHtml, type NoticeContent } from '@/lib/ui/notice';

/**
 * The pages the sign-in route answers with when it cannot sign someone in. They are
 * plain HTML from a route handler (which must set cookies and a status), with the app's
 * notice card and stylesheet, and carry no code, token or ticket.
 */
export interface AuthPage {
  status: number;
  locale: Locale;
  title: string;
  body: string;
  /** For the employee, on pages whose fix is the operator's. */
  note?: string;
  /** Operator-facing detail, e.g. the errcode and what to fix in the admin console. */
  details?: string[];
  action?: { label: string; href: string };
  testId: string;
}

export function renderAuthPage(page: AuthPage): NextResponse {
  const notice: NoticeContent = {
    testId: page.testId,
    title: page.title,
    body: page.body,
    note: page.note,
    details: page.details,
    actions: page.action ? [{ kind: 'link', testId: 'auth-action', ...page.action }] : [],
  };
  const html = `<!doctype html>
<html lang="${page.locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)}</title>
<link rel="stylesheet" href="/app-base.css">
<link rel="icon" href="/icon.svg">
</head>
<body>
<main class="page">${noticeHtml(notice)}</main>
</body>
</html>`;
  return new NextResponse(html, {
    status: page.status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  });
}
