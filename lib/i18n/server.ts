import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { preferredLocale, type Locale } from './locale';
import { messagesFor } from './messages';

/** The visitor's language for this request, from Accept-Language. */
export const getLocale = cache(async (): Promise<Locale> => preferredLocale((await headers()).get('accept-language')));

export async function getMessages() {
  return messagesFor(await getLocale());
}
