import type { Messages } from '@/lib/i18n/messages';

/** The header on every signed-in page; sign-out is a same-origin POST form. */
export function TopBar({ t }: { t: Messages }) {
  return (
    <header className="topbar">
      <strong>{t.appName}</strong>
      <form method="post" action="/auth/sign-out">
        <button type="submit" className="button button-quiet" data-testid="sign-out">
          {t.profile.signOut}
        </button>
      </form>
    </header>
  );
}
