import { notFound } from 'next/navigation';
import { ProfileCard } from '@/components/profile/profile-card';
import { requireAdmin } from '@/lib/auth/dal';
import { memberPath, useridFromSegments } from '@/lib/admin/member-path';
import { adminMessagesFor } from '@/lib/i18n/admin-messages';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { loadProfile } from '@/lib/profile/load-profile';
import { isWeComError } from '@/lib/wecom';

export const dynamic = 'force-dynamic';

export default async function MemberPage({ params }: { params: Promise<{ userid: string[] }> }) {
  await requireAdmin();
  const [t, locale] = await Promise.all([getMessages(), getLocale()]);
  const a = adminMessagesFor(locale);
  const userid = useridFromSegments((await params).userid);

  const notice = (testId: string, title: string, body: string) => (
    <main className="page">
      <section className="card center" data-testid={testId}>
        <h1>{title}</h1>
        <p>{body}</p>
        <a className="button" href="/admin">
          {a.backToDirectory}
        </a>
      </section>
    </main>
  );

  if (!userid) return notice('bad-userid', a.badUseridTitle, a.badUseridBody);

  // Admins see what WeCom shares with the app, never another member's consented detail.
  const profile = await loadProfile(userid, { withConsentedDetail: false }).catch((error: unknown) => {
    if (isWeComError(error) && error.kind === 'not_found') notFound();
    if (isWeComError(error) && error.kind === 'not_visible') return null;
    throw error;
  });
  if (!profile) return notice('not-visible', a.notVisibleTitle, a.notVisibleBody);
  return (
    <main className="page">
      <p>
        <a href="/admin">← {a.backToDirectory}</a>
      </p>
      <ProfileCard profile={profile} t={t.profile} memberHref={memberPath} viewerIsAdmin />
    </main>
  );
}
