import { notFound } from 'next/navigation';
import { Notice } from '@/components/notice';
import { TopBar } from '@/components/top-bar';
import { companyName } from '@/lib/auth/company-name';
import { SIGN_IN_NOTICES, signInNoticeContent, signInNoticeFrom } from '@/lib/auth/sign-in-notice';
import { getConfig } from '@/lib/config';
import { answerPageStatus } from '@/lib/http/page-status';
import { getMessages } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

const NAMES_THE_COMPANY = new Set(['disabled', 'left', 'deleted', 'inactive']);

/** Where a sign-in that made no session ends: one reason a page, the same on every reload. */
export default async function SignInNoticePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const reason = signInNoticeFrom(typeof params.reason === 'string' ? params.reason : null);
  if (!reason) notFound();
  const t = await getMessages();
  const corp = NAMES_THE_COMPANY.has(reason) ? await companyName(getConfig().corpId) : '';
  answerPageStatus(SIGN_IN_NOTICES[reason].status);
  return (
    <>
      <TopBar t={t} />
      <Notice {...signInNoticeContent(reason, t, { corp, next: typeof params.next === 'string' ? params.next : null })} />
    </>
  );
}
