// "Per provinsi / Per kabupaten/kota | Semua desa": the drill-down's children, or every desa of the view at once.
import { formatNumberId } from '@peta/domain';
import { useT } from '../../i18n/i18n.tsx';

export interface AllDesaToggleProps {
  /** null: Indonesia (its children are provinces); a provinsi kode otherwise. */
  viewKode: string | null;
  on: boolean;
  /** Desa coloured in the "Semua desa" view (0 while loading). */
  count: number;
  onChange: (on: boolean) => void;
}

export function AllDesaToggle({ viewKode, on, count, onChange }: AllDesaToggleProps) {
  const t = useT();
  return (
    <div className="group-by" role="group" aria-label={t('allDesa.label')} data-testid="all-desa-toggle">
      <span className="control-label">{t('allDesa.label')}</span>
      <div className="segmented segmented--light">
        <button type="button" aria-pressed={!on} onClick={() => onChange(false)} data-testid="view-drilldown">
          {t(viewKode === null ? 'allDesa.perProvinsi' : 'allDesa.perKabupaten')}
        </button>
        <button type="button" aria-pressed={on} onClick={() => onChange(true)} data-testid="view-all-desa">
          {t('allDesa.button')}
        </button>
      </div>
      {on && count > 0 && (
        <span className="control-note" data-testid="all-desa-count">
          {t('allDesa.count', { n: formatNumberId(count, 0) })}
        </span>
      )}
    </div>
  );
}
