import { DirectoryBrowser } from '@/components/admin/directory-browser';
import { requireAdmin } from '@/lib/auth/dal';
import { getDirectoryIndex } from '@/lib/admin/directory-store';
import { renderPage } from '@/lib/http/page-edge';
import { adminMessagesFor } from '@/lib/i18n/admin-messages';
import { getLocale } from '@/lib/i18n/server';
import { departmentName } from '@/lib/profile/profile-view';

export const dynamic = 'force-dynamic';

export default function AdminDirectoryPage() {
  return renderPage('admin_directory', async () => {
    await requireAdmin();
    const locale = await getLocale();
    const index = await getDirectoryIndex();
    // Only what the tree shows crosses to the browser, named in the reader's language.
    const departments = index.departments.map((d) => ({ id: d.id, name: departmentName(d, locale), parentid: d.parentid, order: d.order, totalCount: d.totalCount }));
    const a = adminMessagesFor(locale);
    return (
      <main className="page page-wide">
        <div className="page-head">
          <h1 className="page-title">{a.title}</h1>
          <a href="/admin/setup" className="button button-quiet" data-testid="nav-setup">
            {a.setup.nav}
          </a>
        </div>
        <DirectoryBrowser locale={locale} departments={departments} />
      </main>
    );
  });
}
