import { ScanColleagueQrCode } from '@/components/jssdk/scan-colleague-qr';
import { ProfileCard } from '@/components/profile/profile-card';
import { isAdmin } from '@/lib/admin/admin-access';
import { requireUser } from '@/lib/auth/dal';
import { renderPage } from '@/lib/http/page-edge';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { loadProfile } from '@/lib/profile/load-profile';

export const dynamic = 'force-dynamic';

/**
 * No loading.tsx on purpose: with WeCom's answers cached the page is ready in milliseconds,
 * and the first HTML should hold the member, not a skeleton that flashes before it. It also
 * keeps the status the page's to choose (lib/http/page-edge.tsx).
 */
export default function MyProfilePage() {
  return renderPage('profile', async () => {
    const session = await requireUser();
    const [t, locale] = await Promise.all([getMessages(), getLocale()]);
    const [profile, viewerIsAdmin] = await Promise.all([
      loadProfile(session.userid, { withConsentedDetail: true, locale }),
      isAdmin(session.userid),
    ]);
    return (
      <main className="page">
        <ProfileCard profile={profile} t={t.profile} viewerIsAdmin={viewerIsAdmin} />
        <ScanColleagueQrCode t={t.jssdk} />
        {/* It ends every session, this one too: the button asks first (a disclosure, no script needed). */}
        <details className="sign-out-everywhere">
          <summary className="button button-quiet" data-testid="sign-out-everywhere">
            {t.profile.signOutEverywhere}
          </summary>
          <p className="muted">{t.profile.signOutEverywhereExplain}</p>
          <form method="post" action="/auth/sign-out">
            <input type="hidden" name="scope" value="everywhere" />
            <button type="submit" className="button" data-testid="sign-out-everywhere-confirm">
              {t.profile.signOutEverywhereConfirm}
            </button>
          </form>
        </details>
      </main>
    );
  });
}
