import { DirectoryBrowser } from '@/components/admin/directory-browser';
import { requireAdmin } from '@/lib/auth/dal';
import { getDirectoryIndex } from '@/lib/admin/directory-store';
import { adminMessagesFor } from '@/lib/i18n/admin-messages';
import { getLocale } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

export default async function AdminDirectoryPage() {
  await requireAdmin();
  const locale = await getLocale();
  const index = await getDirectoryIndex();
  // Only what the tree shows crosses to the browser.
  const departments = index.departments.map(({ id, name, parentid, order, totalCount }) => ({ id, name, parentid, order, totalCount }));
  return (
    <main className="page page-wide">
      <h1 className="page-title">{adminMessagesFor(locale).title}</h1>
      <DirectoryBrowser locale={locale} departments={departments} />
    </main>
  );
}
