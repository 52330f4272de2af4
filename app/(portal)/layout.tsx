import type { ReactNode } from 'react';
import { TopBar } from '@/components/top-bar';
import { requireUser } from '@/lib/auth/dal';
import { getMessages } from '@/lib/i18n/server';

/**
 * The door runs here, outside loading.tsx's Suspense boundary: a revoked session or an
 * inactive member is answered with a real redirect before anything streams, so browsers and
 * monitors see the status (403 page, fresh sign-in) rather than a 200 with a client redirect.
 * The page asks again; verifySession is cached per request, so it costs nothing. The top bar
 * is here too, so the error panel has it.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  await requireUser();
  const t = await getMessages();
  return (
    <>
      <TopBar t={t} />
      {children}
    </>
  );
}
