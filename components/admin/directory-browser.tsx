'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
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
  const listTop = useRef<HTMLDivElement>(null);
  const setOffset = (next: number) => {
    setPaging({ filter, offset: next });
    // A new page starts at its first member, not where the previous page's scroll left off.
    listTop.current?.scrollIntoView({ block: 'start' });
  };
  const [treeOpen, setTreeOpen] = useState(false);
  const chooseDepartment = (id: number) => {
    setDepartmentId(id);
    setTreeOpen(false);
  };
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
      {/* On a phone the tree is a drawer above the list, closed until asked for. */}
      <button type="button" className="button button-quiet drawer-toggle" aria-expanded={treeOpen} onClick={() => setTreeOpen(!treeOpen)} data-testid="open-departments">
        {t.departments}: {departments.find((d) => d.id === departmentId)?.name ?? ''}
      </button>
      <aside className={`card directory-tree${treeOpen ? ' open' : ''}`} data-testid="department-tree">
        <h2>{t.departments}</h2>
        <DepartmentTree departments={departments} selectedId={departmentId} onSelect={chooseDepartment} t={t} />
      </aside>
      <section className="card directory-members">
        <div ref={listTop} className="list-top" />
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
            {data.total > 0 && (
              <p className="muted" data-testid="member-total">
                {t.members(data.total)}
              </p>
            )}
            {data.members.length === 0 ? (
              <div className="empty" data-testid="no-members">
                <p className="muted">{t.noMembers}</p>
                {debouncedQuery && departmentId !== rootId && (
                  <button
                    type="button"
                    className="button"
                    data-testid="search-everywhere"
                    onClick={() => {
                      setDepartmentId(rootId);
                      setIncludeSub(true);
                    }}
                  >
                    {t.searchEverywhere(debouncedQuery)}
                  </button>
                )}
              </div>
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
            {data.total > PAGE_SIZE && <Pager offset={offset} total={data.total} onPage={setOffset} t={t} />}
          </>
        ) : null}
      </section>
    </div>
  );
}

/** Page numbers: previous, "page n of m" with a field to jump to any page, next. */
function Pager({ offset, total, onPage, t }: { offset: number; total: number; onPage: (offset: number) => void; t: ReturnType<typeof adminMessagesFor> }) {
  const pages = Math.ceil(total / PAGE_SIZE);
  const current = Math.floor(offset / PAGE_SIZE) + 1;
  const [typed, setTyped] = useState('');
  const go = (page: number) => onPage((Math.min(Math.max(page, 1), pages) - 1) * PAGE_SIZE);
  return (
    <nav className="pager" aria-label={t.pages}>
      <button type="button" className="button button-quiet" disabled={current === 1} onClick={() => go(current - 1)}>
        {t.previous}
      </button>
      <span className="muted" data-testid="pager-position">
        {t.pageOf(current, pages)}
      </span>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const page = Number(typed);
          if (Number.isInteger(page) && page >= 1) go(page);
          setTyped('');
        }}
      >
        <input
          type="number"
          className="page-jump"
          min={1}
          max={pages}
          value={typed}
          placeholder={t.jumpPlaceholder}
          aria-label={t.jumpTo}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="page-jump"
        />
      </form>
      <button type="button" className="button button-quiet" disabled={current === pages} onClick={() => go(current + 1)} data-testid="next-page">
        {t.next}
      </button>
    </nav>
  );
}
