// Which desa the grid lists: a puskesmas user its own wilayah kerja (fixed); a dinkes (or admin) a kecamatan or a
// puskesmas of a kabupaten/kota, the kabupaten/kota taken from the account's scope or chosen.
import { useId } from 'react';
import { ancestorAt } from '@peta/domain';
import type { SessionUser } from '@peta/domain/contract';
import { useChildren } from '../../api/queries.ts';
import { usePuskesmasList } from '../../api/puskesmas.ts';
import { useT } from '../../i18n/i18n.tsx';
import { kabupatenOfScope } from '../../shared/session/can.ts';
import type { GridArea } from './isian-api.ts';

export const areaValue = (area: GridArea | null) =>
  area ? `${area.kind === 'kecamatan' ? 'k' : 'p'}:${area.kode}` : '';
const areaOf = (value: string): GridArea | null =>
  value ? { kind: value.startsWith('k:') ? 'kecamatan' : 'puskesmas', kode: value.slice(2) } : null;

export interface AreaChooserProps {
  user: SessionUser;
  kabupaten: string;
  onKabupaten: (kode: string) => void;
  area: GridArea | null;
  onArea: (area: GridArea | null) => void;
}

export function AreaChooser({ user, kabupaten, onKabupaten, area, onArea }: AreaChooserProps) {
  const t = useT();
  const id = useId();
  const fixedKabupaten = kabupatenOfScope(user);
  const provinsi = ancestorAt(kabupaten, 'provinsi') ?? ancestorAt(user.scopeKode, 'provinsi') ?? '';
  const provinces = useChildren(null, !fixedKabupaten && !user.scopeKode);
  const kabupatens = useChildren(provinsi || null, !fixedKabupaten && provinsi !== '');
  const kecamatan = useChildren(kabupaten || null, kabupaten !== '');
  const puskesmas = usePuskesmasList(kabupaten);
  return (
    <div className="isi-area">
      {!fixedKabupaten && !user.scopeKode && (
        <div className="field isi-field">
          <label htmlFor={`${id}-prov`}>{t('tingkat.provinsi')}</label>
          <select
            id={`${id}-prov`}
            value={provinsi}
            onChange={(e) => {
              onKabupaten(e.target.value ? `${e.target.value}` : '');
              onArea(null);
            }}
          >
            <option value="">{t('impor.wilayah.choose')}</option>
            {provinces.data?.map((p) => (
              <option key={p.kode} value={p.kode}>
                {p.nama}
              </option>
            ))}
          </select>
        </div>
      )}
      {!fixedKabupaten && (
        <div className="field isi-field">
          <label htmlFor={`${id}-kab`}>{t('tingkat.kabupatenKota')}</label>
          <select
            id={`${id}-kab`}
            value={kabupaten.length >= 5 ? kabupaten : ''}
            onChange={(e) => {
              onKabupaten(e.target.value);
              onArea(null);
            }}
            data-testid="isian-kabupaten"
          >
            <option value="">{t('impor.wilayah.choose')}</option>
            {kabupatens.data?.map((k) => (
              <option key={k.kode} value={k.kode}>
                {k.nama}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field isi-field isi-area__main">
        <label htmlFor={`${id}-area`}>{t('isian.area.label')}</label>
        <select
          id={`${id}-area`}
          value={areaValue(area)}
          disabled={kabupaten.length < 5}
          onChange={(e) => onArea(areaOf(e.target.value))}
          data-testid="isian-area"
        >
          <option value="">{t('isian.area.choose')}</option>
          <optgroup label={t('tingkat.kecamatan')}>
            {kecamatan.data?.map((k) => (
              <option key={k.kode} value={`k:${k.kode}`}>
                {k.nama}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('isian.area.puskesmas')}>
            {kabupaten.length >= 5 &&
              puskesmas.data?.puskesmas.map((p) => (
                <option key={p.kode} value={`p:${p.kode}`}>
                  {p.nama}
                </option>
              ))}
          </optgroup>
        </select>
      </div>
    </div>
  );
}
