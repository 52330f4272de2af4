import type { ReactNode } from 'react';
import { TopBar } from '@/components/top-bar';
import { getMessages } from '@/lib/i18n/server';

/** Every admin page, its error panel included, under the same top bar. The pages check admin rights. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const t = await getMessages();
  return (
    <>
      <TopBar t={t} />
      {children}
    </>
  );
}
