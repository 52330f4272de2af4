import { ProfileCard } from '@/components/profile/profile-card';
import { Notice } from '@/components/notice';
import { requireAdmin } from '@/lib/auth/dal';
import { directoryBackHref, memberPath, useridFromSegments } from '@/lib/admin/member-path';
import { failedPage, renderPage } from '@/lib/http/page-edge';
import { answerPageStatus } from '@/lib/http/page-status';
import { adminMessagesFor } from '@/lib/i18n/admin-messages';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { loadProfile } from '@/lib/profile/load-profile';
import { isWeComError } from '@/lib/wecom';

export const dynamic = 'force-dynamic';

export default async function MemberPage({ params, searchParams }: { params: Promise<{ userid: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const segments = (await params).userid;
  const backHref = directoryBackHref((await searchParams).back);
  return renderPage('admin_member', async () => {
    await requireAdmin();
    const [t, locale] = await Promise.all([getMessages(), getLocale()]);
    const a = adminMessagesFor(locale);
    const back = { kind: 'link' as const, label: a.backToDirectory, href: backHref };

    const userid = useridFromSegments(segments);
    if (!userid) {
      answerPageStatus(400);
      return <Notice testId="bad-userid" title={a.badUseridTitle} body={a.badUseridBody} actions={[back]} />;
    }
    try {
      // Admins see what WeCom shares with the app, never another member's consented detail.
      const profile = await loadProfile(userid, { withConsentedDetail: false, locale });
      return (
        <main className="page">
          <p>
            <a href={backHref} data-testid="back-to-directory">
              ← {a.backToDirectory}
            </a>
          </p>
          <ProfileCard profile={profile} t={t.profile} memberHref={memberPath} viewerIsAdmin />
        </main>
      );
    } catch (error) {
      // Another member outside the visible range: their page, not the viewer's standing.
      if (isWeComError(error) && error.kind === 'not_visible') {
        return failedPage('admin_member', error, { testId: 'not-visible', title: a.notVisibleTitle, body: a.notVisibleBody, actions: [back] });
      }
      throw error;
    }
  });
}
