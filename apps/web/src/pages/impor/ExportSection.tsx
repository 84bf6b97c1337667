// "Ekspor untuk sistem lain": the same months leave as DHIS2 (JSON, CSV), IHE ADX or FHIR MeasureReport. Only real
// values leave; when the months hold only simulated demo values nothing is downloaded and the page says why
// (export-request.ts). The API decides who may export a wilayah (exact counts of the whole wilayah) and says so.
import { useId, useState } from 'react';
import type { YearMonth } from '@peta/domain';
import { useIndicators } from '../../api/queries.ts';
import { apiFetch } from '../../api/client.ts';
import { useLang, useT, type MessageKey } from '../../i18n/i18n.tsx';
import { useUrlState } from '../../url-state.ts';
import { monthName } from '../../shared/indicator/period-label.ts';
import { useSessionUser } from '../../shared/session/session-api.ts';
import { ErrorMessage, Loaded } from '../../shared/status/StatusMessage.tsx';
import { EXPORT_FORMATS, exportCounts, exportSummary, exportUrl, type ExportFormat } from './export-request.ts';
import { IndicatorChecklist } from './IndicatorChecklist.tsx';
import { saveFile } from './imports-api.ts';
import {
  canBuildTemplate,
  chosenKode,
  fileNameFromDisposition,
  initialMonth,
  levelsOf,
  monthOptions,
  yearOptions,
} from './template-request.ts';
import { WilayahChooser, type Levels } from './WilayahChooser.tsx';

type Outcome = { ok: true; text: string; downloaded: boolean } | { ok: false; error: unknown };

export function ExportSection({ today }: { today: Date }) {
  const t = useT();
  const [lang] = useLang();
  const [url] = useUrlState();
  const id = useId();
  const indicators = useIndicators();
  const home = useSessionUser()?.home ?? null;
  const [levels, setLevels] = useState<Levels>(() => levelsOf(url.wilayah ?? home));
  const start: YearMonth = initialMonth(url.periode, today);
  const [year, setYear] = useState(start.year);
  const [fromMonth, setFromMonth] = useState(start.month);
  const [toMonth, setToMonth] = useState(start.month);
  const [format, setFormat] = useState<ExportFormat>('dhis2-json');
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const wilayah = chosenKode(levels);
  const months = monthOptions(year, today);
  const ready = canBuildTemplate(wilayah) && fromMonth <= toMonth && months.includes(toMonth);
  const changed = () => setOutcome(null);

  const download = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const response = await apiFetch(exportUrl({ format, wilayah, year, fromMonth, toMonth, indicators: picked }), {
        method: 'GET',
        headers: { accept: '*/*' },
      });
      const counts = exportCounts(response.headers);
      const fileName = fileNameFromDisposition(response.headers.get('content-disposition')) ?? `ekspor-${wilayah}`;
      // An empty file of demo months would only puzzle: say why instead.
      if (counts.real > 0) saveFile({ fileName, blob: await response.blob() });
      setOutcome({ ok: true, text: exportSummary(counts, fileName, t), downloaded: counts.real > 0 });
    } catch (error) {
      setOutcome({ ok: false, error });
    } finally {
      setBusy(false);
    }
  };

  const monthSelect = (label: MessageKey, value: number, set: (m: number) => void, testId: string) => (
    <div className="field imp-field">
      <label htmlFor={`${id}-${testId}`}>{t(label)}</label>
      <select
        id={`${id}-${testId}`}
        value={value}
        data-testid={testId}
        onChange={(e) => {
          set(Number(e.target.value));
          changed();
        }}
      >
        {months.map((m) => (
          <option key={m} value={m}>
            {monthName(m, lang)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="card imp-card" aria-labelledby={`${id}-h`} data-testid="export-section">
      <h3 id={`${id}-h`} className="imp-card__title">
        {t('impor.export.title')}
      </h3>
      <p className="imp-card__lead">{t('impor.export.lead')}</p>
      <WilayahChooser
        levels={levels}
        countMessage="impor.export.desaCount"
        testIds={{
          levels: [
            'export-wilayah-provinsi',
            'export-wilayah-kabupaten',
            'export-wilayah-kecamatan',
            'export-wilayah-desa',
          ],
          count: 'export-desa-count',
        }}
        onChange={(l) => {
          setLevels(l);
          changed();
        }}
      />
      <fieldset className="bare-fieldset imp-fieldset">
        <legend className="imp-label">{t('impor.template.period')}</legend>
        <div className="imp-row">
          <div className="field imp-field">
            <label htmlFor={`${id}-y`}>{t('impor.export.year')}</label>
            <select
              id={`${id}-y`}
              value={year}
              data-testid="export-year"
              onChange={(e) => {
                const next = Number(e.target.value);
                const last = monthOptions(next, today).at(-1) ?? 1;
                setYear(next);
                setFromMonth((m) => Math.min(m, last));
                setToMonth((m) => Math.min(m, last));
                changed();
              }}
            >
              {yearOptions(today).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          {monthSelect(
            'impor.export.from',
            fromMonth,
            (m) => {
              setFromMonth(m);
              setToMonth((to) => Math.max(to, m));
            },
            'export-from',
          )}
          {monthSelect(
            'impor.export.to',
            toMonth,
            (m) => {
              setToMonth(m);
              setFromMonth((from) => Math.min(from, m));
            },
            'export-to',
          )}
        </div>
      </fieldset>
      <div className="field imp-field">
        <label htmlFor={`${id}-f`}>{t('impor.export.format')}</label>
        <select
          id={`${id}-f`}
          value={format}
          data-testid="export-format"
          onChange={(e) => {
            setFormat(e.target.value as ExportFormat);
            changed();
          }}
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`impor.export.format.${f}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <Loaded query={indicators} message={t('indicator.loading')}>
        {(list) => (
          <>
            <IndicatorChecklist
              testIdPrefix="export"
              list={list}
              selected={picked}
              onChange={(codes) => {
                setPicked(codes);
                changed();
              }}
            />
            <p className="imp-hint">{t('impor.export.allIndicators')}</p>
          </>
        )}
      </Loaded>
      <div className="imp-actions">
        <button
          type="button"
          className="button"
          disabled={!ready || busy}
          aria-busy={busy || undefined}
          data-testid="export-download"
          onClick={() => void download()}
        >
          {busy ? t('impor.export.downloading') : t('impor.export.download')}
        </button>
      </div>
      <div aria-live="polite">
        {outcome?.ok === true && (
          <p
            className={outcome.downloaded ? 'imp-note imp-note--ok' : 'imp-note'}
            data-testid="export-result"
            data-downloaded={outcome.downloaded}
          >
            {outcome.text}
          </p>
        )}
        {outcome?.ok === false && <ErrorMessage error={outcome.error} testId="export-error" />}
      </div>
    </section>
  );
}
