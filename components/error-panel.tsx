'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useSyncExternalStore } from 'react';
import { messagesFor } from '@/lib/i18n/messages';

/** What an error.tsx shows: a plain explanation and a retry, never the error's details. */
export function ErrorPanel({ reset }: { reset: () => void }) {
  // The page's language, read from <html lang> once hydrated (the server renders Chinese).
  const locale = useSyncExternalStore(
    noSubscription,
    () => (document.documentElement.lang === 'en' ? 'en' : 'zh'),
    () => 'zh' as const,
  );
  const t = messagesFor(locale).errors;
  const router = useRouter();
  // The pages are server components: refetch them, then re-render the segment.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main className="page">
      <section className="card center" data-testid="profile-error">
        <h1>{t.title}</h1>
        <p>{t.body}</p>
        <button type="button" className="button" onClick={retry}>
          {t.retry}
        </button>
      </section>
    </main>
  );
}

const noSubscription = () => () => {};
