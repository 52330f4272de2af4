import { Notice } from '@/components/notice';
import { SetupChecklist } from '@/components/admin/setup-checklist';
import { requireAdmin } from '@/lib/auth/dal';
import { renderPage } from '@/lib/http/page-edge';
import { answerPageStatus } from '@/lib/http/page-status';
import { adminMessagesFor } from '@/lib/i18n/admin-messages';
import { getLocale } from '@/lib/i18n/server';
import { checkSetupFor } from '@/lib/setup/app-doctor';

export const dynamic = 'force-dynamic';

/** The setup doctor for admins: every load runs the checks again against WeCom. */
export default function SetupPage() {
  return renderPage('admin_setup', async () => {
    const session = await requireAdmin();
    const locale = await getLocale();
    const t = adminMessagesFor(locale).setup;
    const answer = await checkSetupFor(session.userid, locale);
    if (!answer.allowed) {
      answerPageStatus(429);
      return <Notice testId="setup-too-often" title={t.title} body={t.tooOften(answer.retryAfterSeconds)} actions={[{ kind: 'link', label: t.again, href: '/admin/setup' }]} />;
    }
    return <SetupChecklist report={answer.report} t={t} />;
  });
}
