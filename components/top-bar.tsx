import { isAdmin } from '@/lib/admin/admin-access';
import { verifySession } from '@/lib/auth/dal';
import { adminMessagesFor } from '@/lib/i18n/admin-messages';
import { getLocale } from '@/lib/i18n/server';
import type { Messages } from '@/lib/i18n/messages';

/** The header on every page: the directory link only for admins, sign-out (a same-origin POST form) only with a session. */
export async function TopBar({ t }: { t: Messages }) {
  const verdict = await verifySession('cookie');
  const admin = verdict.ok ? await isAdmin(verdict.session.userid) : false;
  const a = adminMessagesFor(await getLocale());
  return (
    <header className="topbar">
      <nav className="topnav">
        {/* A plain link, not next/link: it was the app's only client component, so every page
            carried its hydration reference and every phone two more scripts, and pages other
            than "/" prefetched the profile, for a link that is one request either way. Signed
            out, "/" starts a sign-in with a redirect to WeCom, which needs a full page load. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="brand">
          {t.appName}
        </a>
        {admin && (
          <a href="/admin" data-testid="nav-admin">
            {a.nav}
          </a>
        )}
      </nav>
      {verdict.ok && (
        <form method="post" action="/auth/sign-out">
          <button type="submit" className="button button-quiet" data-testid="sign-out">
            {t.profile.signOut}
          </button>
        </form>
      )}
    </header>
  );
}
