'use client';

import { useSyncExternalStore } from 'react';
import { Notice } from '@/components/notice';
import { messagesFor } from '@/lib/i18n/messages';

/**
 * What an error.tsx shows for a bug (WeCom's failures get their own notice and status from
 * lib/http/page-edge.tsx): a plain explanation and a retry, never the error's details.
 */
export function ErrorPanel() {
  // The page's language, read from <html lang> once hydrated (the server renders Chinese).
  const locale = useSyncExternalStore(
    noSubscription,
    () => (document.documentElement.lang === 'en' ? 'en' : 'zh'),
    () => 'zh' as const,
  );
  const t = messagesFor(locale).errors;
  // The retry loads the page afresh (an empty href is the current address).
  return <Notice testId="page-error" title={t.title} body={t.body} actions={[{ kind: 'link', label: t.retry, href: '' }]} />;
}

const noSubscription = () => () => {};
