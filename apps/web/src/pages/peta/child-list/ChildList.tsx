// The children of the view as a table beside the map: the same rows as the map, with the indicator's capaian
// and gap, sortable by name / capaian / gap. A row drills down like a click on its polygon, and hover is shared
// with the map in both directions. The rows are wilayah (wilayahListItems) or the wilayah kerja of puskesmas
// (../puskesmas-view): the caller words the heading and each row's meta line.
import { useDeferredValue, useEffect, useMemo, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { childTingkat } from '@peta/domain';
import type { IndicatorDto, ValueRow, WilayahChild } from '@peta/domain/contract';
import { useT, type TFunction } from '../../../i18n/i18n.tsx';
import { hrefFor } from '../../../url-state.ts';
import { linkClick } from '../../../shared/links/link-click.ts';
import { countLabel, hasTingkatPrefix, tingkatLabel } from '../../../shared/wilayah/wilayah-text.ts';
import { Swatch } from '../../../shared/choropleth/Swatch.tsx';
import { coverageText, fractionText, shortOfTargetCell } from '../../../shared/choropleth/value-text.ts';
import { nextSort, sortRows, type Sort, type SortKey } from '../../../shared/table-sort/sort-rows.ts';

export interface ChildListValues {
  def: IndicatorDto;
  /** "K4, Januari–Oktober 2026". */
  caption: string;
  rowByKode: ReadonlyMap<string, ValueRow>;
  colourOf: (kode: string) => string;
  /** Previous values shown while new ones load. */
  updating: boolean;
  /** Some rows simulated, some imported: the simulated ones get a tag. */
  partlySimulated: boolean;
}

/** One row of the table. */
export interface ListItem {
  kode: string;
  nama: string;
  /** "Kelurahan · 24 desa", "12 desa" ("terpilih" is added when selected). */
  meta: string;
  /** The name's link (drill-down; open in a new tab); null: a button that selects the row. */
  href: string | null;
  /** Listed without a polygon on the map ("tanpa batas peta"). */
  noGeometry?: boolean;
  /** Not selectable (e.g. the desa without a puskesmas): the name is plain text. */
  inert?: boolean;
}

export interface ChildListProps {
  items: readonly ListItem[];
  /** "24 kecamatan di Kabupaten Labuhanbatu". */
  heading: string;
  /** A line under the heading (e.g. the wilayah kerja are an unconfirmed proposal). */
  note?: string | null;
  hint: string;
  parentNama: string;
  selectedKode: string | null;
  hoverKode: string | null;
  /** Scroll the hovered row into view (the hover came from the map). */
  followHover: boolean;
  /** Indicator values of the rows; undefined while the catalogue or the values load. */
  values?: ChildListValues;
  /** The order of the rows (kept in the URL: ?urut=). */
  sort: Sort;
  onSort: (sort: Sort) => void;
  onSelect: (kode: string) => void;
  onHover: (kode: string | null) => void;
}

const FILTER_FROM = 12;
const normalise = (s: string) =>
  s
    .toLocaleLowerCase('id')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
const COLUMNS: readonly { key: SortKey; label: 'table.col.nama' | 'table.col.capaian' | 'table.col.kurang' }[] = [
  { key: 'nama', label: 'table.col.nama' },
  { key: 'capaian', label: 'table.col.capaian' },
  { key: 'kurang', label: 'table.col.kurang' },
];

export function ChildList({
  items,
  heading,
  note,
  hint,
  parentNama,
  selectedKode,
  hoverKode,
  followHover,
  values,
  sort,
  onSort,
  onSelect,
  onHover,
}: ChildListProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  const rowByKode = values?.rowByKode;

  const shown = useMemo(() => {
    const q = normalise(deferred.trim());
    const filtered = q ? items.filter((c) => normalise(c.nama).includes(q)) : items;
    const withValues = filtered.map((child) => {
      const row = rowByKode?.get(child.kode);
      return { child, row, nama: child.nama, coverage: row?.coverage, shortOfTarget: row?.shortOfTarget };
    });
    return sortRows(withValues, sort);
  }, [items, deferred, rowByKode, sort]);

  // A new list (another view or mode) starts unfiltered; the same rows re-made on a render keep the filter.
  const itemsKey = items.map((i) => i.kode).join(',');
  useEffect(() => setQuery(''), [itemsKey]);
  useEffect(() => {
    if (followHover && hoverKode) rows.current.get(hoverKode)?.scrollIntoView({ block: 'nearest' });
  }, [hoverKode, followHover]);

  // The whole row is a target; the name is a real link for keyboards and "open in new tab". Hover is the mouse's
  // only: the mouse events a finger's tap emulates would leave a hover card over the map.
  const pointerHover = (kode: string | null) => (event: PointerEvent<HTMLTableRowElement>) => {
    if (event.pointerType === 'mouse') onHover(kode);
  };
  const rowClick = (kode: string) => (event: MouseEvent<HTMLTableRowElement>) => {
    if ((event.target as Element).closest('a')) return;
    onSelect(kode);
  };

  return (
    <section className="child-list" data-testid="child-list" aria-labelledby="child-list-heading">
      {/* Focused after every drill-down and by the skip link (tabIndex -1: reachable by script, not by Tab). */}
      <h2 id="child-list-heading" className="child-list__heading" tabIndex={-1} data-testid="child-list-heading">
        {heading}
      </h2>
      {note && (
        <p className="child-list__note" data-testid="child-list-note">
          {note}
        </p>
      )}
      {values && (
        <p className="child-list__caption" data-testid="table-caption">
          {values.caption}
        </p>
      )}
      {items.length > 0 && <p className="child-list__hint">{hint}</p>}
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
      {shown.length > 0 && (
        <table
          className={`child-table${values?.updating ? ' is-updating' : ''}`}
          aria-busy={values?.updating || undefined}
          data-testid="child-table"
        >
          <thead>
            <tr>
              {COLUMNS.map((col) => {
                const active = sort.key === col.key;
                return (
                  <th
                    key={col.key}
                    scope="col"
                    className={`child-table__${col.key === 'kurang' ? 'gap' : col.key}`}
                    title={col.key === 'kurang' ? t('table.col.kurangTitle') : undefined}
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button
                      type="button"
                      onClick={() => onSort(nextSort(sort, col.key))}
                      data-testid={`sort-${col.key}`}
                      title={t('table.sort', { col: t(col.label) })}
                    >
                      {t(col.label)}
                      <span className="sort-mark" aria-hidden="true">
                        {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map(({ child, row }) => {
              const selected = child.kode === selectedKode;
              const className = [
                'child-row',
                child.kode === hoverKode && 'is-hover',
                selected && 'is-selected',
                child.noGeometry && 'no-geometry',
              ]
                .filter(Boolean)
                .join(' ');
              const meta = [child.meta, selected && t('list.selected')].filter(Boolean).join(' · ');
              const nameProps = {
                'aria-current': selected ? ('true' as const) : undefined,
                onFocus: () => onHover(child.kode),
                onBlur: () => onHover(null),
                className: 'child-row__name',
                'data-testid': 'child-name',
              };
              return (
                <tr
                  key={child.kode}
                  ref={(el) => {
                    if (el) rows.current.set(child.kode, el);
                    else rows.current.delete(child.kode);
                  }}
                  className={className}
                  onClick={child.inert ? undefined : rowClick(child.kode)}
                  onPointerEnter={pointerHover(child.kode)}
                  onPointerLeave={pointerHover(null)}
                  data-testid="child-row"
                  data-kode={child.kode}
                >
                  <th scope="row" className="child-table__nama">
                    <div className="child-row__cell">
                      {values && (
                        <Swatch color={values.colourOf(child.kode)} hatch={false} className="child-row__swatch" />
                      )}
                      <span className="child-row__text">
                        {child.inert ? (
                          <span className="child-row__name" data-testid="child-name">
                            {child.nama}
                          </span>
                        ) : child.href === null ? (
                          <button type="button" {...nameProps} aria-pressed={selected}>
                            {child.nama}
                          </button>
                        ) : (
                          <a href={child.href} {...nameProps} onClick={linkClick(() => onSelect(child.kode))}>
                            {child.nama}
                          </a>
                        )}
                        {meta && <span className="child-row__meta">{meta}</span>}
                        {child.noGeometry && (
                          <span className="badge" title={t('list.noGeometryTitle')} data-testid="no-geometry">
                            {t('list.noGeometry')}
                          </span>
                        )}
                      </span>
                    </div>
                  </th>
                  <td className="child-table__capaian" data-testid="child-capaian">
                    {values && row ? (
                      <CoverageCell row={row} def={values.def} tagSimulated={values.partlySimulated} t={t} />
                    ) : (
                      <span className="muted">…</span>
                    )}
                  </td>
                  <td className="child-table__gap" data-testid="child-gap">
                    {values && row ? <ShortOfTargetCell n={row.shortOfTarget} t={t} /> : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Persons short of the period's target (value-text shortOfTargetCell); muted when reached or not counted. */
function ShortOfTargetCell({ n, t }: { n: number | null; t: TFunction }) {
  const text = shortOfTargetCell(n, t);
  return n !== null && n > 0 ? text : <span className="muted">{text}</span>;
}

function CoverageCell({
  row,
  def,
  tagSimulated,
  t,
}: {
  row: ValueRow;
  def: IndicatorDto;
  tagSimulated: boolean;
  t: TFunction;
}) {
  const fraction = fractionText(row);
  return (
    <>
      <span className={row.coverage === null ? 'muted' : 'child-row__coverage'} data-testid="child-coverage">
        {coverageText(row, def, t)}
      </span>
      {row.over100 && (
        <span className="tag tag--flag" title={t('value.over100Title')} data-testid="child-over100">
          {t('value.over100')}
        </span>
      )}
      {tagSimulated && row.simulated && row.coverage !== null && (
        <span className="tag tag--sim" title={t('simulated.rowTitle')} data-testid="child-simulated">
          {t('simulated.row')}
        </span>
      )}
      {fraction && (
        <span className="child-row__fraction" data-testid="child-fraction">
          {fraction}
        </span>
      )}
    </>
  );
}

/** "Kelurahan", "Kabupaten · 24 kecamatan" — the level is left out when the name already says it. */
function rowMeta(child: WilayahChild, t: TFunction): string {
  const label = tingkatLabel(child.kode, child.tingkat, t);
  const level = childTingkat(child.tingkat);
  return [
    !hasTingkatPrefix(child.nama, label) && label,
    level && child.childCount > 0 && countLabel(level, child.childCount, t),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The children of a wilayah as rows: the name links to their own view. */
export function wilayahListItems(children: readonly WilayahChild[], t: TFunction): ListItem[] {
  return children.map((child) => ({
    kode: child.kode,
    nama: child.nama,
    meta: rowMeta(child, t),
    href: hrefFor({ wilayah: child.kode }),
    noGeometry: !child.hasGeometry,
  }));
}
