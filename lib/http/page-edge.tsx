import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import type { ReactElement } from 'react';
import { Notice } from '@/components/notice';
import { isAdmin } from '@/lib/admin/admin-access';
import { verifySession } from '@/lib/auth/dal';
import { REQUEST_PATH_HEADER } from '@/lib/auth/proxy-gate';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { log } from '@/lib/log';
import { logSetupError, notSetUpNotice } from '@/lib/setup/not-set-up';
import type { NoticeContent } from '@/lib/ui/notice';
import { isWeComError, type WeComError } from '@/lib/wecom';
import { answerPageStatus } from './page-status';
import { weComErrorStatus } from './wecom-error-response';

/**
 * The one edge for pages, as route.ts is for APIs. A WeCom failure while a page renders is
 * an expected answer: it gets the HTTP status that says why (403 outside the visible range,
 * 404 gone, 502/503 WeCom unavailable), one log line, and a notice that says what the reader
 * can do. Only a bug reaches error.tsx (500, its stack in the log).
 *
 * The pages stream nothing before they finish (no loading.tsx), so the status is still theirs
 * to choose here.
 */
export async function renderPage(name: string, render: () => Promise<ReactElement>): Promise<ReactElement> {
  try {
    return await render();
  } catch (error) {
    if (!isWeComError(error)) throw error;
    if (error.kind === 'not_found') notFound();
    return failedPage(name, error, await weComFailureNotice(error));
  }
}

/** A page that shows its own notice for a WeCom answer (e.g. a member outside the visible range). */
export function failedPage(name: string, error: WeComError, notice: NoticeContent): ReactElement {
  const status = weComErrorStatus(error);
  // A setup error's line also carries what the operator needs: the address WeCom saw and the fix.
  if (error.kind === 'config') logSetupError('page.wecom_failed', error, { page: name, kind: error.kind, status });
  else log.warn('page.wecom_failed', { page: name, api: error.api, kind: error.kind, errcode: error.errcode, status });
  answerPageStatus(status);
  return <Notice {...notice} />;
}

async function weComFailureNotice(error: WeComError): Promise<NoticeContent> {
  const [t, requestHeaders] = await Promise.all([getMessages(), headers()]);
  const e = t.errors;
  if (error.kind === 'not_visible') {
    return {
      testId: 'page-not-visible',
      title: e.notVisibleTitle,
      body: e.notVisibleBody,
      actions: [{ kind: 'post', label: t.profile.signOut, action: '/auth/sign-out', testId: 'notice-sign-out' }],
    };
  }
  const retry = { kind: 'link' as const, label: e.retry, href: requestHeaders.get(REQUEST_PATH_HEADER) ?? '/', testId: 'notice-retry' };
  if (error.kind === 'config') {
    // What to fix in the console is for the app's admins (and the log); an employee is told it is not set up.
    const notice = notSetUpNotice(t, { locale: await getLocale(), admin: await viewerIsAdmin(), error, testId: 'page-wecom-config' });
    return { ...notice, actions: [...(notice.actions ?? []), retry] };
  }
  // The errcode helps an admin tell WeCom's busy (-1) from its limits (45009); an employee reads only that WeCom is not answering.
  const errcode = error.errcode !== null && (await viewerIsAdmin()) ? [`${t.signIn.errcode} ${error.errcode}`] : [];
  return { testId: 'page-wecom-unavailable', title: e.unavailableTitle, body: e.unavailableBody, details: errcode, actions: [retry] };
}

async function viewerIsAdmin(): Promise<boolean> {
  const verdict = await verifySession('cookie');
  return verdict.ok && (await isAdmin(verdict.session.userid));
}
