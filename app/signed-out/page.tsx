import { TopBar } from '@/components/top-bar';
import { getMessages } from '@/lib/i18n/server';

/** Outside the proxy's reach on purpose: inside WeCom, any sign-in would be silent and immediate. */
export default async function SignedOutPage() {
  const t = await getMessages();
  return (
    <>
      <TopBar t={t} />
      <main className="page">
        <section className="card center" data-testid="signed-out">
          <h1>{t.signedOut.title}</h1>
          <p>{t.signedOut.body}</p>
          {/* A full page load on purpose: signing in starts with the proxy's redirect to WeCom. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a className="button" href="/" data-testid="sign-in-again">
            {t.signedOut.again}
          </a>
        </section>
      </main>
    </>
  );
}
