import { Notice } from '@/components/notice';
import { TopBar } from '@/components/top-bar';
import { adminMessagesFor } from '@/lib/i18n/admin-messages';
import { getLocale, getMessages } from '@/lib/i18n/server';

/** Rendered with a 403 by forbidden(): a signed-in member who is not an admin. */
export default async function Forbidden() {
  const [t, messages] = await Promise.all([getLocale().then(adminMessagesFor), getMessages()]);
  return (
    <>
      <TopBar t={messages} />
      <Notice testId="forbidden" title={t.forbiddenTitle} body={t.forbiddenBody} actions={[{ kind: 'link', label: t.backToProfile, href: '/' }]} />
    </>
  );
}
