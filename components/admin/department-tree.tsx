'use client';

import { useMemo, useState } from 'react';
import type { AdminMessages } from '@/lib/i18n/admin-messages';

export interface TreeDepartment {
  id: number;
  name: string;
  parentid: number;
  order?: number;
  totalCount: number;
}

/** Collapsible department tree with member counts; the first two levels start open. */
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
  const { roots, children } = useMemo(() => {
    const ids = new Set(departments.map((d) => d.id));
    const byParent = new Map<number, TreeDepartment[]>();
    for (const d of departments) byParent.set(d.parentid, [...(byParent.get(d.parentid) ?? []), d]);
    // WeCom sorts siblings by a descending `order`.
    for (const list of byParent.values()) list.sort((a, b) => (b.order ?? 0) - (a.order ?? 0) || a.id - b.id);
    return { roots: departments.filter((d) => !ids.has(d.parentid)), children: byParent };
  }, [departments]);

  const [open, setOpen] = useState<Set<number>>(() => new Set(roots.map((r) => r.id)));
  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const render = (department: TreeDepartment) => {
    const kids = children.get(department.id) ?? [];
    const isOpen = open.has(department.id);
    return (
      <li key={department.id}>
        <div className={`tree-row${department.id === selectedId ? ' selected' : ''}`}>
          {kids.length > 0 ? (
            <button type="button" className="tree-toggle" aria-expanded={isOpen} aria-label={isOpen ? t.collapse : t.expand} onClick={() => toggle(department.id)}>
              {isOpen ? '▾' : '▸'}
            </button>
          ) : (
            <span className="tree-toggle" />
          )}
          <button type="button" className="tree-name" data-testid="department" data-department-id={department.id} onClick={() => onSelect(department.id)}>
            {department.name}
            <span className="tree-count">{department.totalCount}</span>
          </button>
        </div>
        {kids.length > 0 && isOpen && <ul>{kids.map(render)}</ul>}
      </li>
    );
  };

  return <ul className="tree">{roots.map(render)}</ul>;
}
