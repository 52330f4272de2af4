'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import {
  MAX_QUERY_LENGTH,
  cappedQuery,
  directoryHref,
  directoryViewFromSearchParams,
  lastPageOf,
  memberListKey,
  rootDepartmentId,
  type DirectoryView,
} from '@/lib/admin/directory-view';
import type { MemberPage } from '@/lib/admin/member-search';
import { adminMessagesFor } from '@/lib/i18n/admin-messages';
import type { Locale } from '@/lib/i18n/locale';
import { messagesFor } from '@/lib/i18n/messages';
import { memberHrefFrom } from '@/lib/admin/member-path';
import { DepartmentTree, type TreeDepartment } from './department-tree';

/** How long typing pauses before the address (and so the list) follows the search box. */
const TYPING_PAUSE_MS = 300;

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json() as Promise<T>;
}

/**
 * The directory: department tree, search, sub-department switch and pages. All four live in
 * the address (lib/admin/directory-view.ts), never in React state: a choice writes the address
 * with history.pushState (one entry, so Back undoes it), typing replaces it once typing pauses,
 * and Next.js hands every change, Back and Forward included, to useSearchParams. The route is
 * rendered per request, so the server renders this with the request's address: the first HTML
 * already shows the chosen department.
 */
export function DirectoryBrowser({ locale, departments }: { locale: Locale; departments: TreeDepartment[] }) {
  const t = adminMessagesFor(locale);
  const status = messagesFor(locale).profile.status;
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const rootId = rootDepartmentId(departments);
  const searchParams = useSearchParams();
  const view = useMemo(() => directoryViewFromSearchParams(searchParams, departments), [searchParams, departments]);

  // Handlers read the address itself: it is ahead of the last render while typing is pending.
  const currentView = useCallback(() => directoryViewFromSearchParams(new URLSearchParams(window.location.search), departments), [departments]);
  const writeAddress = useCallback(
    (next: DirectoryView, how: 'push' | 'replace') => {
      const href = directoryHref(next, departments);
      if (href === window.location.pathname + window.location.search) return;
      if (how === 'push') window.history.pushState(null, '', href);
      else window.history.replaceState(null, '', href);
    },
    [departments],
  );

  // The search box shows what is typed; the address catches up when typing pauses.
  const [typed, setTyped] = useState(view.query);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const applyTyped = (text: string) => {
    typingTimer.current = null;
    const current = currentView();
    // Another search starts at its first page; a space added at the end is not another search.
    if (cappedQuery(text) !== current.query) writeAddress({ ...current, query: text, page: 1 }, 'replace');
  };
  const onType = (text: string) => {
    setTyped(text);
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => applyTyped(text), TYPING_PAUSE_MS);
  };
  /** A choice made while typing is pending: the search goes into the address first, then the choice on top. */
  const choose = (change: Partial<DirectoryView>) => {
    if (typingTimer.current) {
      clearTimeout(typingTimer.current);
      applyTyped(typed);
    }
    writeAddress({ ...currentView(), page: 1, ...change }, 'push');
  };
  useEffect(() => {
    // Back and Forward bring another search with them; a pending one belonged to the page left.
    const onPopState = () => {
      if (typingTimer.current) clearTimeout(typingTimer.current);
      typingTimer.current = null;
      setTyped(currentView().query);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [currentView]);
  // Leaving for another page (the top bar's links navigate in place): a pending search must not rewrite its address.
  useEffect(() => () => clearTimeout(typingTimer.current ?? undefined), []);

  // An address typed or pasted by hand ("?page=abc") is shown as what it was read as.
  const canonicalHref = directoryHref(view, departments);
  useEffect(() => {
    if (canonicalHref !== window.location.pathname + window.location.search) window.history.replaceState(null, '', canonicalHref);
  }, [canonicalHref]);

  const listTop = useRef<HTMLDivElement>(null);
  const goToPage = (page: number) => {
    choose({ page });
    // A new page starts at its first member, not where the previous page's scroll left off.
    listTop.current?.scrollIntoView({ block: 'start' });
  };

  const [treeOpen, setTreeOpen] = useState(false);
  const drawerToggle = useRef<HTMLButtonElement>(null);
  const chooseDepartment = (id: number) => {
    choose({ departmentId: id });
    // On a phone the drawer closes on a choice; keyboard focus goes back to its button, not to the page's top.
    // (The button shows only at phone width; getClientRects is empty while it is display: none.)
    if (treeOpen && drawerToggle.current && drawerToggle.current.getClientRects().length > 0) drawerToggle.current.focus();
    setTreeOpen(false);
  };

  const [refreshing, setRefreshing] = useState(false);
  const [refreshFailure, setRefreshFailure] = useState<string | null>(null);

  const { data, error, isLoading, mutate: reload } = useSWR<MemberPage>(memberListKey(view), fetchJson, { keepPreviousData: true });
  // A shared or old link can point past the end of a list that has since shrunk: show its last page instead.
  const lastPage = data ? lastPageOf(data.total) : null;
  const pastTheEnd = data !== undefined && !isLoading && lastPage !== null && view.page > lastPage;
  useEffect(() => {
    if (pastTheEnd && lastPage !== null) writeAddress({ ...view, page: lastPage }, 'replace');
  }, [pastTheEnd, lastPage, view, writeAddress]);

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
      <button
        ref={drawerToggle}
        type="button"
        className="button button-quiet drawer-toggle"
        aria-expanded={treeOpen}
        onClick={() => setTreeOpen(!treeOpen)}
        data-testid="open-departments"
      >
        {/* Open or closed at a glance (aria-expanded says it to a screen reader). */}
        <span className="drawer-mark" aria-hidden="true">
          {treeOpen ? '▾' : '▸'}
        </span>
        {t.departments}: {departments.find((d) => d.id === view.departmentId)?.name ?? ''}
      </button>
      <aside className={`card directory-tree${treeOpen ? ' open' : ''}`} data-testid="department-tree">
        <h2>{t.departments}</h2>
        <DepartmentTree departments={departments} selectedId={view.departmentId} onSelect={chooseDepartment} t={t} />
      </aside>
      <section className="card directory-members">
        <div ref={listTop} className="list-top" />
        <div className="directory-toolbar">
          <input
            type="search"
            className="search"
            placeholder={t.searchPlaceholder}
            value={typed}
            maxLength={MAX_QUERY_LENGTH}
            onChange={(e) => onType(e.target.value)}
            data-testid="member-search"
          />
          <label className="switch">
            <input
              type="checkbox"
              checked={view.includeSubDepartments}
              onChange={(e) => choose({ includeSubDepartments: e.target.checked })}
              data-testid="include-sub"
            />
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
            {data.members.length === 0 && data.total > 0 ? (
              // Past the end: the address is about to say the last page; meanwhile no blank list.
              <p className="muted" role="status" data-testid="past-last-page">
                {t.pastLastPage(lastPageOf(data.total))}
              </p>
            ) : data.members.length === 0 ? (
              <div className="empty" data-testid="no-members">
                <p className="muted">{t.noMembers}</p>
                {view.query && view.departmentId !== rootId && (
                  <button
                    type="button"
                    className="button"
                    data-testid="search-everywhere"
                    onClick={() => choose({ departmentId: rootId, includeSubDepartments: true })}
                  >
                    {t.searchEverywhere(view.query)}
                  </button>
                )}
              </div>
            ) : (
              <ul className="member-list" data-testid="member-list">
                {data.members.map((m) => (
                  <li key={m.userid} data-userid={m.userid}>
                    {/* The whole row is the link: one tab stop per member, and a target a finger cannot miss. */}
                    <a href={memberHrefFrom(m.userid, canonicalHref)} className="member-row">
                      <span className="member-name">{m.name}</span>
                      {m.alias && <span className="muted"> · {m.alias}</span>}
                      {m.status !== undefined && m.status !== 1 && status[m.status] && <span className={`badge badge-${m.status}`}>{status[m.status]}</span>}
                      <span className="muted member-meta">{[m.position, m.departmentNames.join(locale === 'en' ? ', ' : '、'), m.userid].filter(Boolean).join(' · ')}</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {data.total > data.limit && <Pager page={view.page} pages={lastPageOf(data.total)} onPage={goToPage} t={t} />}
          </>
        ) : null}
      </section>
    </div>
  );
}

/** Page numbers: previous, "page n of m" with a field to jump to any page, next. */
function Pager({ page, pages, onPage, t }: { page: number; pages: number; onPage: (page: number) => void; t: ReturnType<typeof adminMessagesFor> }) {
  const current = Math.min(page, pages);
  const [typed, setTyped] = useState('');
  const go = (target: number) => onPage(Math.min(Math.max(target, 1), pages));
  return (
    <nav className="pager" aria-label={t.pages}>
      <button type="button" className="button button-quiet" disabled={current === 1} onClick={() => go(current - 1)} data-testid="previous-page">
        {t.previous}
      </button>
      <span className="muted" data-testid="pager-position">
        {t.pageOf(current, pages)}
      </span>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const target = Number(typed);
          if (Number.isInteger(target) && target >= 1) go(target);
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
