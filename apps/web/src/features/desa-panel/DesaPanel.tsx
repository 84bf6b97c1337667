// Profile of the chosen leaf (a desa/kelurahan, or a wilayah whose children are not loaded here).
// Health indicators come in the next step; the panel already names where they will appear.
import type { Meta, Wilayah } from '@peta/domain/contract';
import { useT } from '../../i18n/i18n.tsx';
import { hrefFor } from '../../url-state.ts';
import { linkClick } from '../drilldown/link-click.ts';
import { tingkatLabel, withTingkat } from '../drilldown/wilayah-text.ts';

export function DesaPanel({ wilayah, meta, onNavigate }: { wilayah: Wilayah; meta: Meta | undefined; onNavigate: (kode: string | null) => void }) {
  const t = useT();
  const level = tingkatLabel(wilayah.kode, wilayah.tingkat, t);
  const parent = wilayah.parents.at(-1);
  const provinsi = wilayah.kode.slice(0, 2);
  const childrenNotLoaded = wilayah.tingkat !== 'desa' && meta !== undefined
    && !meta.desaProvinsi.includes('all') && !meta.desaProvinsi.includes(provinsi);

  return (
    <section className="desa-panel" data-testid="desa-panel" aria-labelledby="desa-panel-heading">
      <p className="desa-panel__eyebrow">{t('panel.heading', { tingkat: level })}</p>
      <h2 id="desa-panel-heading" className="desa-panel__title" data-testid="desa-panel-title">{wilayah.nama}</h2>
      <dl className="desa-panel__facts">
        <div><dt>{t('panel.kode')}</dt><dd data-testid="desa-panel-kode">{wilayah.kode}</dd></div>
        <div><dt>{t('panel.tingkat')}</dt><dd>{level}</dd></div>
        {wilayah.parents.length > 0 && (
          <div>
            <dt>{t('panel.parents')}</dt>
            <dd>{[...wilayah.parents].reverse().map((p) => withTingkat(p.kode, p.tingkat, p.nama, t)).join(', ')}</dd>
          </div>
        )}
      </dl>
      {!wilayah.hasGeometry && <p className="note" data-testid="desa-panel-no-geometry">{t('panel.noGeometry')}</p>}
      {wilayah.tingkat !== 'desa' && (
        <p className="note" data-testid="desa-panel-no-children">
          {childrenNotLoaded ? t('panel.childrenNotLoaded') : t('panel.noChildren', { nama: wilayah.nama })}
        </p>
      )}
      <p className="note note--muted">{t('panel.indicatorsPending')}</p>
      {parent && (
        <a className="button button--ghost" href={hrefFor({ wilayah: parent.kode })} onClick={linkClick(() => onNavigate(parent.kode))}>
          {t('panel.back', { nama: parent.nama })}
        </a>
      )}
    </section>
  );
}
