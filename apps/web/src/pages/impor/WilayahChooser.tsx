// Cascading selects provinsi → kabupaten/kota → kecamatan → desa/kelurahan for the template's wilayah. The deepest
// chosen level is the wilayah; "Semua kecamatan" / "Semua desa" keep the level above.
import { useId } from 'react';
import type { WilayahChild } from '@peta/domain/contract';
import { useChildren } from '../../api/queries.ts';
import { useT, type MessageKey } from '../../i18n/i18n.tsx';

export type Levels = [string, string, string, string];

const LABEL: MessageKey[] = ['tingkat.provinsi', 'tingkat.kabupatenKota', 'tingkat.kecamatan', 'tingkat.desaKelurahan'];
const EMPTY: MessageKey[] = [
  'impor.wilayah.choose',
  'impor.wilayah.choose',
  'impor.wilayah.allKecamatan',
  'impor.wilayah.allDesa',
];
const TEMPLATE_TEST_IDS: NonNullable<WilayahChooserProps['testIds']> = {
  levels: ['wilayah-provinsi', 'wilayah-kabupaten', 'wilayah-kecamatan', 'wilayah-desa'],
  count: 'template-desa-count',
};

export interface WilayahChooserProps {
  levels: Levels;
  onChange: (levels: Levels) => void;
  /** The sentence under the selects with the number of desa ("Templat memuat {n} desa/kelurahan."). */
  countMessage?: MessageKey;
  /** Test ids of this chooser: the page has two (template, export), and a test id names one element. */
  testIds?: { levels: [string, string, string, string]; count: string };
}

/** How many desa the template will list for the chosen levels, from the lists already loaded; null when unknown. */
export function desaCount(levels: Levels, lists: (WilayahChild[] | undefined)[]): number | null {
  if (levels[3]) return 1;
  if (levels[2]) return lists[3]?.length ?? null;
  if (levels[1]) return lists[2]?.reduce((sum, k) => sum + k.childCount, 0) ?? null;
  return null;
}

export function WilayahChooser({
  levels,
  onChange,
  countMessage = 'impor.wilayah.count',
  testIds = TEMPLATE_TEST_IDS,
}: WilayahChooserProps) {
  const t = useT();
  const id = useId();
  const lists = [
    useChildren(null),
    useChildren(levels[0] || null, levels[0] !== ''),
    useChildren(levels[1] || null, levels[1] !== ''),
    useChildren(levels[2] || null, levels[2] !== ''),
  ];
  const choose = (level: number, kode: string) => {
    const next = [...levels] as Levels;
    next[level] = kode;
    for (let i = level + 1; i < 4; i++) next[i] = '';
    onChange(next);
  };
  const count = desaCount(
    levels,
    lists.map((l) => l.data),
  );
  const noDesa = levels[2] !== '' && lists[3]!.data?.length === 0;
  return (
    <fieldset className="bare-fieldset imp-fieldset" data-testid="wilayah-chooser">
      <legend className="imp-label">{t('impor.wilayah.label')}</legend>
      <div className="imp-wilayah">
        {LABEL.map((label, level) => {
          const parentChosen = level === 0 || levels[level - 1] !== '';
          const options = lists[level]!.data ?? [];
          return (
            <div key={label} className="field imp-field">
              <label htmlFor={`${id}-${level}`}>{t(label)}</label>
              <select
                id={`${id}-${level}`}
                value={levels[level]}
                disabled={!parentChosen || lists[level]!.isLoading}
                onChange={(e) => choose(level, e.target.value)}
                data-testid={testIds.levels[level]}
              >
                <option value="">{t(EMPTY[level]!)}</option>
                {/* The chosen kode stays an option while its list loads, so the select shows it from the URL at once. */}
                {levels[level] && !options.some((o) => o.kode === levels[level]) && (
                  <option value={levels[level]}>{levels[level]}</option>
                )}
                {options.map((o) => (
                  <option key={o.kode} value={o.kode}>
                    {o.nama}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      {noDesa ? (
        <p className="imp-hint imp-hint--warn" role="status">
          {t('impor.wilayah.noDesa')}
        </p>
      ) : count !== null ? (
        <p className="imp-hint" data-testid={testIds.count}>
          {t(countMessage, { n: count })}
        </p>
      ) : !levels[1] ? (
        <p className="imp-hint">{t('impor.wilayah.needKabupaten')}</p>
      ) : null}
    </fieldset>
  );
}
