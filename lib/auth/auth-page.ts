import { NextResponse } from 'next/server';
import type { Locale } from '@/lib/i18n/locale';
import { escapeHtml, noticeHtml, type NoticeContent } from '@/lib/ui/notice';

/**
 * A notice answered straight from a route handler or the proxy, where React cannot render:
 * the proxy's bad-path page and the sign-in's "link shortened" page. Plain HTML with the app's
 * notice card and stylesheet, carrying no code, token or ticket. Sign-in failures are not
 * here: they end on /auth/notice (lib/auth/sign-in-notice.ts).
 */
export interface AuthPage {
  status: number;
  locale: Locale;
  title: string;
  body: string;
  action?: { label: string; href: string };
  testId: string;
}

export function renderAuthPage(page: AuthPage): NextResponse {
  const notice: NoticeContent = {
    testId: page.testId,
    title: page.title,
    body: page.body,
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
