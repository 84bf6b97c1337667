// The page: breadcrumb and the indicator/period controls on top, map and table side by side (stacked on a
// phone). The URL drives it: wilayah picks the view, indikator/periode/legenda the choropleth.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FeatureStyle, MapLabel } from '../../map/index.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { useUrlState, type LegendMode } from '../../url-state.ts';
import { HoverCard } from '../choropleth/HoverCard.tsx';
import { Legend } from '../choropleth/Legend.tsx';
import { SharePngButton } from '../choropleth/SharePngButton.tsx';
import { SimulatedBadge } from '../choropleth/SimulatedBadge.tsx';
import { useChoropleth } from '../choropleth/use-choropleth.ts';
import { IndicatorPicker } from '../indicator/IndicatorPicker.tsx';
import { PeriodPicker } from '../indicator/PeriodPicker.tsx';
import { periodLabel as labelOfPeriod } from '../indicator/period-label.ts';
import { Breadcrumb } from '../breadcrumb/Breadcrumb.tsx';
import { ChildList } from '../child-list/ChildList.tsx';
import { DesaPanel } from '../desa-panel/DesaPanel.tsx';
import { MapView } from '../map-view/MapView.tsx';
import { ErrorMessage, Loading } from '../status/StatusMessage.tsx';
import { isNotFound } from '../status/describe-error.ts';
import { useDrilldown } from './use-drilldown.ts';
import { linkClick } from './link-click.ts';

export interface DrilldownProps { basemap: boolean; largeText: boolean }

interface Hover { kode: string | null; fromMap: boolean }

const NO_VALUES: Record<string, FeatureStyle> = {};

export function Drilldown({ basemap, largeText }: DrilldownProps) {
  const t = useT();
  const [url, navigate] = useUrlState();
  const [lang] = useLang();
  const view = useDrilldown(url.wilayah);
  const choropleth = useChoropleth(url, view.viewKode, view.meta.data, t);
  const [hover, setHover] = useState<Hover>({ kode: null, fromMap: false });

  const go = useCallback((kode: string | null) => navigate({ wilayah: kode }), [navigate]);
  const chooseIndicator = useCallback((code: string) => navigate({ indikator: code }), [navigate]);
  const choosePeriod = useCallback((code: string) => navigate({ periode: code }), [navigate]);
  const chooseMode = useCallback((mode: LegendMode) => navigate({ legenda: mode === 'target' ? null : mode }), [navigate]);
  const hoverFromMap = useCallback((kode: string | null) => setHover({ kode, fromMap: true }), []);
  const hoverFromList = useCallback((kode: string | null) => setHover({ kode, fromMap: false }), []);
  useEffect(() => setHover({ kode: null, fromMap: false }), [view.viewKode]);
  // A typed link (?wilayah=1210, or an unreadable kode) is rewritten once into its canonical form.
  useEffect(() => navigate({}, { replace: true }), [navigate]);

  const indonesia = t('breadcrumb.indonesia');
  const title = view.kode === null ? indonesia : view.current?.nama ?? view.crumbs.at(-1)?.nama ?? view.kode;
  useEffect(() => { document.title = t('app.documentTitle', { nama: title }); }, [t, title]);

  const labels = useMemo<MapLabel[]>(() => (view.children.data ?? []).flatMap((c) =>
    c.label ? [{ kode: c.kode, nama: c.nama, lngLat: c.label, priority: c.bbox ? (c.bbox[2] - c.bbox[0]) * (c.bbox[3] - c.bbox[1]) : 0 }] : []),
  [view.children.data]);
  const labelPoints = useMemo(() => new Map(labels.map((l) => [l.kode, l.lngLat] as [string, [number, number]])), [labels]);

  if (view.wilayah.isError && isNotFound(view.wilayah.error)) {
    return (
      <main className="drilldown drilldown--error">
        <ErrorMessage error={view.wilayah.error} testId="wilayah-error" />
        <a className="button" href="?" onClick={linkClick(() => go(null))}>{t('error.backHome')}</a>
      </main>
    );
  }

  const geometryError = view.geometry.error ?? view.meta.error;
  const overlay = geometryError
    ? <ErrorMessage error={geometryError} onRetry={() => { void view.meta.refetch(); void view.geometry.refetch(); }} testId="map-error" />
    : !view.geometry.data ? <Loading message={t('status.loadingMap')} testId="map-loading" /> : null;

  const viewNama = view.viewKode === null ? indonesia : view.viewNama ?? '…';
  const selectedKode = view.isLeaf ? view.kode : null;
  const { def, period, model, rowByKode } = choropleth;
  const periodText = period ? labelOfPeriod(period, lang, t) : '';
  const hoverRow = hover.kode ? rowByKode.get(hover.kode) : undefined;
  const selectedRow = selectedKode ? rowByKode.get(selectedKode) : undefined;

  return (
    <main className="drilldown">
      <Breadcrumb crumbs={view.crumbs} onNavigate={go} />
      <div className="controls" role="group" aria-label={t('controls.label')} data-testid="controls">
        <IndicatorPicker list={choropleth.list} value={def} onChange={chooseIndicator} />
        <PeriodPicker value={period} latest={choropleth.latest} onChange={choosePeriod} />
        {choropleth.simulated && <SimulatedBadge partial={choropleth.partlySimulated} />}
        {model && def && period && (
          <SharePngButton geometry={view.geometry.data} labels={labelPoints} model={model} viewNama={viewNama} periodText={periodText}
            simulated={choropleth.simulated} fileName={`peta-${view.viewKode ?? 'indonesia'}-${def.code}-${period.code}.png`} />
        )}
        {choropleth.values.isError && (
          <ErrorMessage error={choropleth.values.error} onRetry={() => void choropleth.values.refetch()} testId="values-error" />
        )}
      </div>
      <div className="panes">
        <section className="map-pane">
          <MapView
            viewKode={view.viewKode}
            geometry={view.geometry.data}
            labels={labels}
            context={view.viewKode === null ? undefined : view.context.data}
            outerContext={view.outerKode === undefined ? undefined : view.outer.data}
            contextCurrent={view.viewKode}
            bounds={view.bounds}
            hoverKode={hover.kode}
            selectedKode={selectedKode}
            basemap={basemap}
            largeText={largeText}
            ariaLabel={t('map.label', { nama: title })}
            onSelect={go}
            onHover={hoverFromMap}
            featureValues={model?.styles ?? NO_VALUES}
            overlay={overlay}
          >
            {model && <Legend model={model} periodLabel={periodText} onMode={chooseMode} />}
            {hoverRow && def && model && <HoverCard row={hoverRow} def={def} colour={model.colourOf(hoverRow.kode)} />}
          </MapView>
        </section>
        <aside className="side-pane" data-testid="side-pane">
          {view.isLeaf && view.current && (
            <DesaPanel
              wilayah={view.current}
              meta={view.meta.data}
              indicator={def && period && model
                ? { def, period, periodLabel: periodText, row: selectedRow, colour: model.colourOf(view.current.kode) }
                : undefined}
              onNavigate={go}
            />
          )}
          {view.wilayah.isError && <ErrorMessage error={view.wilayah.error} onRetry={() => void view.wilayah.refetch()} />}
          {view.children.isPending && <Loading message={t('status.loadingList')} testId="list-loading" />}
          {view.children.isError && <ErrorMessage error={view.children.error} onRetry={() => void view.children.refetch()} testId="list-error" />}
          {view.children.data && (
            <ChildList
              items={view.children.data}
              tingkat={view.childTingkat}
              parentNama={viewNama}
              selectedKode={selectedKode}
              hoverKode={hover.kode}
              followHover={hover.fromMap}
              values={def && model ? {
                def,
                caption: t('table.caption', { indikator: def.shortId, period: periodText }),
                rowByKode,
                colourOf: model.colourOf,
                updating: choropleth.updating,
                partlySimulated: choropleth.partlySimulated,
              } : undefined}
              onSelect={go}
              onHover={hoverFromList}
            />
          )}
        </aside>
      </div>
    </main>
  );
}
