import { Notice } from '@/components/notice';
import { TopBar } from '@/components/top-bar';
import { getMessages } from '@/lib/i18n/server';

/** Outside the proxy's reach on purpose: inside WeCom, any sign-in would be silent and immediate. */
export default async function SignedOutPage() {
  const t = await getMessages();
  return (
    <>
      <TopBar t={t} />
      {/* The action is a full page load: signing in starts with the proxy's redirect to WeCom. */}
      <Notice
        testId="signed-out"
        title={t.signedOut.title}
        body={t.signedOut.body}
        actions={[{ kind: 'link', label: t.signedOut.again, href: '/', testId: 'sign-in-again' }]}
      />
    </>
  );
}
