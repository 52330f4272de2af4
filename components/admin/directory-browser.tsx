'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import type { MemberPage } from '@/lib/admin/member-search';
import { adminMessagesFor } from '@/lib/i18n/admin-messages';
import type { Locale } from '@/lib/i18n/locale';
import { messagesFor } from '@/lib/i18n/messages';
import { memberPath } from '@/lib/admin/member-path';
import { DepartmentTree, type TreeDepartment } from './department-tree';

const PAGE_SIZE = 50;

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json() as Promise<T>;
}

/** Debounced so that typing a name sends one request, not one per keystroke. */
function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function DirectoryBrowser({ locale, departments }: { locale: Locale; departments: TreeDepartment[] }) {
  const t = adminMessagesFor(locale);
  const status = messagesFor(locale).profile.status;
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const rootId = departments.find((d) => !departments.some((p) => p.id === d.parentid))?.id ?? 1;

  const [departmentId, setDepartmentId] = useState(rootId);
  const [includeSub, setIncludeSub] = useState(true);
  const [query, setQuery] = useState('');
  const debouncedQuery = useDebounced(query, 200);
  // The page offset belongs to one filter: another department, switch or search starts at the top.
  const filter = `${departmentId}|${includeSub}|${debouncedQuery}`;
  const [paging, setPaging] = useState({ filter, offset: 0 });
  const offset = paging.filter === filter ? paging.offset : 0;
  const setOffset = (next: number) => setPaging({ filter, offset: next });
  const [refreshing, setRefreshing] = useState(false);
  const [refreshFailure, setRefreshFailure] = useState<string | null>(null);


  const params = new URLSearchParams({ department: String(departmentId), children: includeSub ? '1' : '0', q: debouncedQuery, offset: String(offset), limit: String(PAGE_SIZE) });
  const { data, error, isLoading, mutate: reload } = useSWR<MemberPage>(`/api/admin/members?${params}`, fetchJson, { keepPreviousData: true });

  const refresh = async () => {
    setRefreshing(true);
    setRefreshFailure(null);
    try {
      const response = await fetch('/api/admin/refresh', { method: 'POST' });
      if (!response.ok) {
        // The server kept the previous directory; so does this page.
        const body = (await response.json().catch(() => ({}))) as { errcode?: number | null; message?: string };
        setRefreshFailure(body.errcode ? `errcode ${body.errcode}` : `HTTP ${response.status}`);
        return;
      }
      await mutate((key) => typeof key === 'string' && key.startsWith('/api/admin/'));
      router.refresh();
    } catch {
      setRefreshFailure('network');
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <div className="directory">
      <aside className="card directory-tree">
        <h2>{t.departments}</h2>
        <DepartmentTree departments={departments} selectedId={departmentId} onSelect={setDepartmentId} t={t} />
      </aside>
      <section className="card directory-members">
        <div className="directory-toolbar">
          <input
            type="search"
            className="search"
            placeholder={t.searchPlaceholder}
            value={query}
            maxLength={64}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="member-search"
          />
          <label className="switch">
            <input type="checkbox" checked={includeSub} onChange={(e) => setIncludeSub(e.target.checked)} data-testid="include-sub" />
            {t.includeSub}
          </label>
          <button type="button" className="button button-quiet" onClick={refresh} disabled={refreshing} data-testid="refresh">
            {refreshing ? t.refreshing : t.refresh}
          </button>
        </div>

        {refreshFailure && (
          <p className="load-failed" role="alert" data-testid="refresh-failed">
            {t.refreshFailed(refreshFailure)}
          </p>
        )}
        {error && !data ? (
          <p className="load-failed" role="alert">
            {t.loadFailed}{' '}
            <button type="button" className="button button-quiet" onClick={() => reload()}>
              {t.retry}
            </button>
          </p>
        ) : !data && isLoading ? (
          <p className="muted">{t.loading}</p>
        ) : data ? (
          <>
            <p className="muted" data-testid="member-total">
              {t.members(data.total)}
            </p>
            {data.members.length === 0 ? (
              <p className="muted">{t.noMembers}</p>
            ) : (
              <ul className="member-list" data-testid="member-list">
                {data.members.map((m) => (
                  <li key={m.userid} data-userid={m.userid}>
                    <a href={memberPath(m.userid)} className="member-name">
                      {m.name}
                    </a>
                    {m.alias && <span className="muted"> · {m.alias}</span>}
                    {m.status !== undefined && m.status !== 1 && status[m.status] && <span className={`badge badge-${m.status}`}>{status[m.status]}</span>}
                    <div className="muted member-meta">
                      {[m.position, m.departmentNames.join('、'), m.userid].filter(Boolean).join(' · ')}
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {data.total > PAGE_SIZE && (
              <div className="pager">
                <button type="button" className="button button-quiet" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                  {t.previous}
                </button>
                <span className="muted" data-testid="pager-position">
                  {t.page(offset + 1, Math.min(offset + PAGE_SIZE, data.total), data.total)}
                </span>
                <button type="button" className="button button-quiet" disabled={offset + PAGE_SIZE >= data.total} onClick={() => setOffset(offset + PAGE_SIZE)} data-testid="next-page">
                  {t.next}
                </button>
              </div>
            )}
          </>
        ) : null}
      </section>
    </div>
  );
}
