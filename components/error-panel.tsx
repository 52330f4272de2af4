'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useState } from 'react';
import { messagesFor } from '@/lib/i18n/messages';

/** What an error.tsx shows: a plain explanation and a retry, never the error's details. */
export function ErrorPanel({ reset }: { reset: () => void }) {
  const [locale, setLocale] = useState<'zh' | 'en'>('zh');
  useEffect(() => {
    if (document.documentElement.lang === 'en') setLocale('en');
  }, []);
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
