import { NextResponse } from 'next/server';
import type { Locale } from '@/lib/i18n/locale';

/**
 * The pages the sign-in route answers with when it cannot sign someone in. They are
 * plain HTML from a route handler (which must set cookies and a status), styled like
 * the app, and carry no code, token or ticket.
 */
export interface AuthPage {
  status: number;
  locale: Locale;
  title: string;
  body: string;
  /** Operator-facing detail, e.g. the errcode and what to fix in the admin console. */
  details?: string[];
  action?: { label: string; href: string };
  testId: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderAuthPage(page: AuthPage): NextResponse {
  const details = page.details?.length
    ? `<ul class="details">${page.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>`
    : '';
  const action = page.action
    ? `<a class="button" data-testid="auth-action" href="${escapeHtml(page.action.href)}">${escapeHtml(page.action.label)}</a>`
    : '';
  const html = `<!doctype html>
<html lang="${page.locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)}</title>
<style>
  /* The app's palette (app/globals.css), light and dark, with the same contrast. */
  :root { color-scheme: light dark; }
  body { margin: 0; font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; background: light-dark(#f3f5f7, #17191c); color: light-dark(#1f2329, #e6e8eb); }
  main { box-sizing: border-box; max-width: 440px; width: calc(100% - 32px); margin: 12vh auto 0; padding: 32px 24px; background: light-dark(#fff, #22252a); border-radius: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.08); text-align: center; }
  h1 { font-size: 20px; margin: 0 0 12px; }
  p { color: light-dark(#4e5969, #a5abb4); line-height: 1.6; margin: 0 0 20px; }
  .details { text-align: left; background: light-dark(#fff7e8, #2e2614); border: 1px solid light-dark(#ffd591, #6b5220); border-radius: 8px; padding: 12px 12px 12px 28px; color: light-dark(#7a4d00, #f0c982); font-size: 14px; line-height: 1.6; margin: 0 0 20px; }
  .button { display: inline-block; padding: 10px 28px; border-radius: 8px; background: light-dark(#0a5fc2, #7cb4ff); color: light-dark(#fff, #0b1a2e); text-decoration: none; font-size: 16px; }
</style>
</head>
<body>
<main data-testid="${escapeHtml(page.testId)}">
<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.body)}</p>
${details}
${action}
</main>
</body>
</html>`;
  return new NextResponse(html, {
    status: page.status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  });
}
