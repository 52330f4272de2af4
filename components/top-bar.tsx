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
        {/* A plain link, not next/link: the header is on every page, and a client component here
            costs every render its hydration reference and every phone its router prefetch, for a
            link back to a page that is one request either way. Signed out, "/" starts a sign-in
            with a redirect to WeCom, which must be a full page load anyway. */}
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
