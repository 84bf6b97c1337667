// Step 1, "Unduh templat": wilayah, month and indicators → the template as .xlsx or .csv, prefilled with every desa.
import { useId, useMemo, useState } from 'react';
import type { YearMonth } from '@peta/domain';
import { useIndicators } from '../../api/queries.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { useUrlState } from '../../url-state.ts';
import { defaultIndicator } from '../../shared/indicator/indicator-choice.ts';
import { monthName } from '../../shared/indicator/period-label.ts';
import { ErrorMessage, Loaded } from '../../shared/status/StatusMessage.tsx';
import { IndicatorChecklist } from './IndicatorChecklist.tsx';
import { fetchTemplate, saveFile } from './imports-api.ts';
import {
  canBuildTemplate,
  chosenKode,
  clampMonth,
  initialMonth,
  levelsOf,
  monthOptions,
  yearOptions,
  type TemplateFormat,
} from './template-request.ts';
import { WilayahChooser, type Levels } from './WilayahChooser.tsx';
import { useSessionUser } from '../../shared/session/session-api.ts';

export function TemplateSection({ today }: { today: Date }) {
  const t = useT();
  const [lang] = useLang();
  const [url] = useUrlState();
  const id = useId();
  const indicators = useIndicators();
  const home = useSessionUser()?.home ?? null;
  // The map's wilayah when the URL has one, else the user's own area (a dinkes of Labuhanbatu starts on Labuhanbatu).
  const [levels, setLevels] = useState<Levels>(() => levelsOf(url.wilayah ?? home));
  const [month, setMonth] = useState<YearMonth>(() => initialMonth(url.periode, today));
  const [picked, setPicked] = useState<string[] | null>(null);
  const [busy, setBusy] = useState<TemplateFormat | null>(null);
  const [result, setResult] = useState<{ ok: true; fileName: string } | { ok: false; error: unknown } | null>(null);

  // Until the user ticks something: the map's indicator, else the default one.
  const selected = useMemo(() => {
    if (picked) return picked;
    const list = indicators.data ?? [];
    const fromUrl =
      url.indikator && list.some((d) => d.code === url.indikator) ? url.indikator : defaultIndicator(list)?.code;
    return fromUrl ? [fromUrl] : [];
  }, [picked, indicators.data, url.indikator]);

  const wilayah = chosenKode(levels);
  const ready = canBuildTemplate(wilayah) && selected.length > 0;

  const download = async (format: TemplateFormat) => {
    setBusy(format);
    setResult(null);
    try {
      const file = await fetchTemplate({ wilayah, period: month, indicators: selected, format });
      saveFile(file);
      setResult({ ok: true, fileName: file.fileName });
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card imp-card" aria-labelledby={`${id}-h`} data-testid="template-section">
      <h3 id={`${id}-h`} className="imp-card__title">
        <span className="imp-step" aria-hidden="true">
          1
        </span>
        {t('impor.template.title')}
      </h3>
      <p className="imp-card__lead">{t('impor.template.lead')}</p>

      <WilayahChooser
        levels={levels}
        onChange={(l) => {
          setLevels(l);
          setResult(null);
        }}
      />

      <fieldset className="bare-fieldset imp-fieldset">
        <legend className="imp-label">{t('impor.template.period')}</legend>
        <div className="imp-row">
          <div className="field imp-field">
            <label htmlFor={`${id}-m`}>{t('period.month')}</label>
            <select
              id={`${id}-m`}
              value={month.month}
              onChange={(e) => setMonth({ ...month, month: Number(e.target.value) })}
              data-testid="template-month"
            >
              {monthOptions(month.year, today).map((m) => (
                <option key={m} value={m}>
                  {monthName(m, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="field imp-field">
            <label htmlFor={`${id}-y`}>{t('period.year')}</label>
            <select
              id={`${id}-y`}
              value={month.year}
              onChange={(e) => setMonth(clampMonth({ ...month, year: Number(e.target.value) }, today))}
              data-testid="template-year"
            >
              {yearOptions(today).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>

      <Loaded query={indicators} message={t('indicator.loading')}>
        {(list) => (
          <IndicatorChecklist
            list={list}
            selected={selected}
            onChange={(codes) => {
              setPicked(codes);
              setResult(null);
            }}
          />
        )}
      </Loaded>

      <div className="imp-actions">
        <button
          type="button"
          className="button"
          disabled={!ready || busy !== null}
          onClick={() => void download('xlsx')}
          aria-busy={busy === 'xlsx' || undefined}
          data-testid="template-download-xlsx"
        >
          {busy === 'xlsx' ? t('impor.template.downloading') : t('impor.template.downloadXlsx')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={!ready || busy !== null}
          onClick={() => void download('csv')}
          aria-busy={busy === 'csv' || undefined}
          data-testid="template-download-csv"
        >
          {busy === 'csv' ? t('impor.template.downloading') : t('impor.template.downloadCsv')}
        </button>
      </div>
      {!ready && (
        <p className="imp-hint">
          {selected.length === 0 ? t('impor.template.needIndicator') : t('impor.wilayah.needKabupaten')}
        </p>
      )}
      <div aria-live="polite">
        {result?.ok && (
          <p className="imp-note imp-note--ok" data-testid="template-downloaded">
            {t('impor.template.downloaded', { file: result.fileName })}
          </p>
        )}
      </div>
      {result && !result.ok && <ErrorMessage error={result.error} testId="template-error" />}
    </section>
  );
}
