import { notFound } from 'next/navigation';
import { ScanColleagueQrCode } from '@/components/jssdk/scan-colleague-qr';
import { ProfileCard } from '@/components/profile/profile-card';
import { isAdmin } from '@/lib/admin/admin-access';
import { requireUser } from '@/lib/auth/dal';
import { getMessages } from '@/lib/i18n/server';
import { loadProfile } from '@/lib/profile/load-profile';
import { isWeComError } from '@/lib/wecom';

export const dynamic = 'force-dynamic';

export default async function MyProfilePage() {
  const session = await requireUser();
  const t = await getMessages();
  const profile = await loadProfile(session.userid, { withConsentedDetail: true }).catch((error: unknown) => {
    if (isWeComError(error) && error.kind === 'not_found') notFound();
    throw error;
  });
  return (
    <main className="page">
      <ProfileCard profile={profile} t={t.profile} viewerIsAdmin={await isAdmin(session.userid)} />
      <ScanColleagueQrCode t={t.jssdk} />
      <form method="post" action="/auth/sign-out" className="sign-out-everywhere">
        <input type="hidden" name="scope" value="everywhere" />
        <button type="submit" className="button button-quiet" data-testid="sign-out-everywhere">
          {t.profile.signOutEverywhere}
        </button>
      </form>
    </main>
  );
}
