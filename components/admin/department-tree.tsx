'use client';

import { useId, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { AdminMessages } from '@/lib/i18n/admin-messages';

export interface TreeDepartment {
  id: number;
  name: string;
  parentid: number;
  order?: number;
  totalCount: number;
}

/**
 * The department tree with member counts, a WAI-ARIA tree view: one tab stop (the roving
 * tabindex sits on the focused item), Up/Down to the previous/next visible department,
 * Right opens or goes to the first child, Left closes or goes to the parent, Home/End, and
 * Enter or Space selects. The top level starts open, and so does the way to the selected
 * department, so the first HTML already shows it.
 */
export function DepartmentTree({
  departments,
  selectedId,
  onSelect,
  t,
}: {
  departments: TreeDepartment[];
  selectedId: number;
  onSelect: (id: number) => void;
  t: AdminMessages;
}) {
  const baseId = useId();
  const treeRef = useRef<HTMLUListElement>(null);
  const { roots, children, parentOf } = useMemo(() => {
    const ids = new Set(departments.map((d) => d.id));
    const byParent = new Map<number, TreeDepartment[]>();
    for (const d of departments) byParent.set(d.parentid, [...(byParent.get(d.parentid) ?? []), d]);
    // WeCom sorts siblings by a descending `order`.
    for (const list of byParent.values()) list.sort((a, b) => (b.order ?? 0) - (a.order ?? 0) || a.id - b.id);
    const parents = new Map(departments.filter((d) => ids.has(d.parentid)).map((d) => [d.id, d.parentid]));
    return { roots: departments.filter((d) => !ids.has(d.parentid)), children: byParent, parentOf: parents };
  }, [departments]);

  const ancestorsOf = (id: number): number[] => {
    const ancestors: number[] = [];
    for (let parent = parentOf.get(id); parent !== undefined && !ancestors.includes(parent); parent = parentOf.get(parent)) ancestors.push(parent);
    return ancestors;
  };

  const [open, setOpen] = useState<Set<number>>(() => new Set([...roots.map((r) => r.id), ...ancestorsOf(selectedId)]));
  const [focusedId, setFocusedId] = useState(selectedId);
  // Back, forward or "search everywhere" can select a department inside a closed branch: open the way to it.
  const [shownSelection, setShownSelection] = useState(selectedId);
  if (shownSelection !== selectedId) {
    setShownSelection(selectedId);
    setFocusedId(selectedId);
    setOpen((current) => new Set([...current, ...ancestorsOf(selectedId)]));
  }

  const setBranch = (id: number, isOpen: boolean) =>
    setOpen((current) => {
      const next = new Set(current);
      if (isOpen) next.add(id);
      else next.delete(id);
      return next;
    });

  // The departments on screen, top to bottom: what Up, Down, Home and End walk.
  const visible: number[] = [];
  const walk = (list: TreeDepartment[]) => {
    for (const d of list) {
      visible.push(d.id);
      if (open.has(d.id)) walk(children.get(d.id) ?? []);
    }
  };
  walk(roots);
  // The one tab stop: the focused department or, when a closed branch hides it, the nearest one above it that shows.
  let tabStop: number | undefined = focusedId;
  while (tabStop !== undefined && !visible.includes(tabStop)) tabStop = parentOf.get(tabStop);
  if (tabStop === undefined) tabStop = visible[0];

  const idOf = (event: SyntheticEvent): number | null => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    return item ? Number(item.dataset.departmentId) : null;
  };
  const moveFocus = (id: number | undefined) => {
    if (id === undefined) return;
    setFocusedId(id);
    treeRef.current?.querySelector<HTMLElement>(`[role="treeitem"][data-department-id="${id}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const id = idOf(event);
    if (id === null || event.altKey || event.ctrlKey || event.metaKey) return;
    const at = visible.indexOf(id);
    const kids = children.get(id) ?? [];
    switch (event.key) {
      case 'ArrowDown':
        moveFocus(visible[at + 1]);
        break;
      case 'ArrowUp':
        moveFocus(visible[at - 1]);
        break;
      case 'Home':
        moveFocus(visible[0]);
        break;
      case 'End':
        moveFocus(visible[visible.length - 1]);
        break;
      case 'ArrowRight':
        if (kids.length > 0 && !open.has(id)) setBranch(id, true);
        else moveFocus(kids[0]?.id);
        break;
      case 'ArrowLeft':
        if (kids.length > 0 && open.has(id)) setBranch(id, false);
        else moveFocus(parentOf.get(id));
        break;
      case 'Enter':
      case ' ':
        onSelect(id);
        break;
      default:
        return;
    }
    // The keys are the tree's: Space and the arrows do not scroll the page as well.
    event.preventDefault();
  };

  const render = (department: TreeDepartment, level: number) => {
    const kids = children.get(department.id) ?? [];
    const isOpen = open.has(department.id);
    const selected = department.id === selectedId;
    const nameId = `${baseId}-${department.id}`;
    return (
      <li
        key={department.id}
        role="treeitem"
        aria-level={level}
        aria-expanded={kids.length > 0 ? isOpen : undefined}
        aria-selected={selected}
        // Named by its own row: the name of an item would otherwise include every department below it.
        aria-labelledby={`${nameId}-name ${nameId}-count`}
        tabIndex={department.id === tabStop ? 0 : -1}
        data-department-id={department.id}
      >
        <div className={`tree-row${selected ? ' selected' : ''}`} data-testid="department" data-department-id={department.id} onClick={() => onSelect(department.id)}>
          {/* The arrow is for the mouse and the finger; the keyboard opens and closes with Right and Left. */}
          <span
            className="tree-toggle"
            aria-hidden="true"
            data-testid={kids.length > 0 ? 'department-toggle' : undefined}
            onClick={(event) => {
              if (kids.length === 0) return;
              event.stopPropagation();
              setFocusedId(department.id);
              setBranch(department.id, !isOpen);
            }}
          >
            {kids.length > 0 ? (isOpen ? '▾' : '▸') : ''}
          </span>
          <span className="tree-name">
            <span id={`${nameId}-name`}>{department.name}</span>
            <span id={`${nameId}-count`} className="tree-count">
              {department.totalCount}
            </span>
          </span>
        </div>
        {kids.length > 0 && isOpen && <ul role="group">{kids.map((kid) => render(kid, level + 1))}</ul>}
      </li>
    );
  };

  return (
    <ul
      ref={treeRef}
      className="tree"
      role="tree"
      aria-label={t.departments}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const id = idOf(event);
        if (id !== null) setFocusedId(id);
      }}
    >
      {roots.map((root) => render(root, 1))}
    </ul>
  );
}
