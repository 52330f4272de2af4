import { Notice } from '@/components/notice';
import { TopBar } from '@/components/top-bar';
import { getMessages } from '@/lib/i18n/server';

/** Outside the proxy's reach on purpose: inside WeCom, any sign-in would be silent and immediate. */
export default async function SignedOutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getMessages();
  const everywhere = (await searchParams).everywhere === '1';
  return (
    <>
      <TopBar t={t} />
      {/* The action is a full page load: signing in starts with the proxy's redirect to WeCom. */}
      <Notice
        testId="signed-out"
        title={everywhere ? t.signedOut.everywhereTitle : t.signedOut.title}
        body={everywhere ? t.signedOut.everywhereBody : t.signedOut.body}
        actions={[{ kind: 'link', label: t.signedOut.again, href: '/', testId: 'sign-in-again' }]}
      />
    </>
  );
}
