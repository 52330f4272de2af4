import 'server-only';
import type { NextResponse } from 'next/server';
import type { Locale } from '@/lib/i18n/locale';
import { messagesFor } from '@/lib/i18n/messages';
import { getDepartments } from '@/lib/profile/directory-data';
import { renderAuthPage } from './auth-page';

/** WeCom names the company in the root department (id 1, parentid 0); the corp id when WeCom cannot be asked. */
async function corpName(fallback: string): Promise<string> {
  try {
    return (await getDepartments()).find((d) => d.parentid === 0)?.name ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * "Your account is no longer active in <corp>": for a member WeCom disabled, who left, was
 * deleted or left the app's visible range. A 403 with no retry (retrying cannot help); the
 * one action signs in afresh, e.g. with another account.
 */
export async function renderInactivePage(locale: Locale, corpId: string): Promise<NextResponse> {
  const t = messagesFor(locale).signIn;
  return renderAuthPage({
    status: 403,
    locale,
    testId: 'member-inactive',
    title: t.inactiveTitle,
    body: t.inactiveBody.replace('{corp}', await corpName(corpId)),
    action: { label: t.otherAccount, href: '/auth/sign-in' },
  });
}
