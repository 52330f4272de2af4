import Link from 'next/link';
import { TopBar } from '@/components/top-bar';
import { getMessages } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getMessages();
  return (
    <>
      <TopBar t={t} />
      <main className="page">
        <section className="card center" data-testid="not-found">
          <h1>{t.errors.notFoundTitle}</h1>
          <p>{t.errors.notFoundBody}</p>
          <Link className="button" href="/">
            {t.errors.home}
          </Link>
        </section>
      </main>
    </>
  );
}
