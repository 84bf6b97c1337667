// The children of the view, beside the map: each row drills down like a click on its polygon, and hover
// is shared with the map in both directions.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { childTingkat, type Tingkat } from '@peta/domain';
import type { WilayahChild } from '@peta/domain/contract';
import { useT, type TFunction } from '../../i18n/i18n.tsx';
import { hrefFor } from '../../url-state.ts';
import { linkClick } from '../drilldown/link-click.ts';
import { countLabel, hasTingkatPrefix, hintLabel, tingkatLabel } from '../drilldown/wilayah-text.ts';

export interface ChildListProps {
  items: WilayahChild[];
  tingkat: Tingkat;
  parentNama: string;
  selectedKode: string | null;
  hoverKode: string | null;
  /** Scroll the hovered row into view (the hover came from the map). */
  followHover: boolean;
  onSelect: (kode: string) => void;
  onHover: (kode: string | null) => void;
}

const FILTER_FROM = 12;
const normalise = (s: string) => s.toLocaleLowerCase('id').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

export function ChildList({ items, tingkat, parentNama, selectedKode, hoverKode, followHover, onSelect, onHover }: ChildListProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const rows = useRef(new Map<string, HTMLAnchorElement>());
  const shown = useMemo(() => {
    const q = normalise(deferred.trim());
    return q ? items.filter((c) => normalise(c.nama).includes(q)) : items;
  }, [items, deferred]);

  useEffect(() => setQuery(''), [items]);
  useEffect(() => {
    if (followHover && hoverKode) rows.current.get(hoverKode)?.scrollIntoView({ block: 'nearest' });
  }, [hoverKode, followHover]);

  return (
    <section className="child-list" data-testid="child-list" aria-labelledby="child-list-heading">
      <h2 id="child-list-heading" className="child-list__heading">
        {t('list.heading', { count: countLabel(tingkat, items.length, t), nama: parentNama })}
      </h2>
      {items.length > 0 && <p className="child-list__hint">{hintLabel(tingkat, t)}</p>}
      {items.length >= FILTER_FROM && (
        <input
          type="search"
          className="child-list__filter"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('list.filter.placeholder')}
          aria-label={t('list.filter.label')}
          data-testid="child-filter"
        />
      )}
      {items.length === 0 && <p className="status">{t('list.empty', { nama: parentNama })}</p>}
      {items.length > 0 && shown.length === 0 && <p className="status">{t('list.filter.none', { q: query })}</p>}
      <ol className="child-list__rows">
        {shown.map((child) => {
          const selected = child.kode === selectedKode;
          const className = ['child-row', child.kode === hoverKode && 'is-hover', selected && 'is-selected', !child.hasGeometry && 'no-geometry']
            .filter(Boolean).join(' ');
          return (
            <li key={child.kode}>
              <a
                ref={(el) => {
                  if (el) rows.current.set(child.kode, el);
                  else rows.current.delete(child.kode);
                }}
                className={className}
                href={hrefFor({ wilayah: child.kode })}
                aria-current={selected ? 'true' : undefined}
                onClick={linkClick(() => onSelect(child.kode))}
                onMouseEnter={() => onHover(child.kode)}
                onMouseLeave={() => onHover(null)}
                onFocus={() => onHover(child.kode)}
                onBlur={() => onHover(null)}
                data-testid="child-row"
              >
                <span className="child-row__name" data-testid="child-name">{child.nama}</span>
                <span className="child-row__meta">{rowMeta(child, selected, t)}</span>
                {!child.hasGeometry && (
                  <span className="badge" title={t('list.noGeometryTitle')} data-testid="no-geometry">{t('list.noGeometry')}</span>
                )}
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** "Kelurahan", "Kabupaten · 24 kecamatan" — the level is left out when the name already says it. */
function rowMeta(child: WilayahChild, selected: boolean, t: TFunction): string {
  const label = tingkatLabel(child.kode, child.tingkat, t);
  const level = childTingkat(child.tingkat);
  return [
    !hasTingkatPrefix(child.nama, label) && label,
    level && child.childCount > 0 && countLabel(level, child.childCount, t),
    selected && t('list.selected'),
  ].filter(Boolean).join(' · ');
}
