import { Notice } from '@/components/notice';
import { TopBar } from '@/components/top-bar';
import { getMessages } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getMessages();
  return (
    <>
      <TopBar t={t} />
      <Notice testId="not-found" title={t.errors.notFoundTitle} body={t.errors.notFoundBody} actions={[{ kind: 'link', label: t.errors.home, href: '/' }]} />
    </>
  );
}
