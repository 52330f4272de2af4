import Link from 'next/link';
import { adminMessagesFor } from '@/lib/i18n/admin-messages';
import { TopBar } from '@/components/top-bar';
import { getLocale, getMessages } from '@/lib/i18n/server';

/** Rendered with a 403 by forbidden(): a signed-in member who is not an admin. */
export default async function Forbidden() {
  const [t, messages] = await Promise.all([getLocale().then(adminMessagesFor), getMessages()]);
  return (
    <>
      <TopBar t={messages} />
      <main className="page">
        <section className="card center" data-testid="forbidden">
          <h1>{t.forbiddenTitle}</h1>
          <p>{t.forbiddenBody}</p>
          <Link className="button" href="/">
            {t.backToProfile}
          </Link>
        </section>
      </main>
    </>
  );
}
