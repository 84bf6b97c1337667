// The page: breadcrumb and the indicator/period controls on top, map and table side by side; on an upright phone the
// map fills the screen and the table and desa profile live in a bottom sheet over it (./sheet), on a phone held
// sideways they stand in a column beside the map. The URL drives it: wilayah picks the view,
// indikator/periode/legenda the choropleth, urut the table's order, and on a kabupaten/kota menurut=puskesmas shows its
// wilayah kerja puskesmas instead of its kecamatan. After every drill-down or selection made here, keyboard focus
// moves to the new list's heading or to the chosen desa's profile (never left on <body>).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ancestorAt, tingkatOf } from '@peta/domain';
import type { FeatureStyle, MapLabel } from '../../map/index.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { allowsAllDesa, useUrlState, type GroupBy, type LegendMode } from '../../url-state.ts';
import { tileUrlTemplate } from '@peta/domain/contract';
import { useValues } from '../../api/queries.ts';
import type { AllDesa } from '../../map/index.ts';
import { useDesaChoropleth } from '../../shared/choropleth/desa-choropleth.ts';
import { HoverCard } from '../../shared/choropleth/HoverCard.tsx';
import { Legend } from '../../shared/choropleth/Legend.tsx';
import { SharePngButton } from '../../shared/choropleth/SharePngButton.tsx';
import { SimulatedBadge } from '../../shared/choropleth/SimulatedBadge.tsx';
import { useChoropleth } from '../../shared/choropleth/use-choropleth.ts';
import { periodLabel as labelOfPeriod, shortPeriodLabel } from '../../shared/indicator/period-label.ts';
import { Breadcrumb } from './breadcrumb/Breadcrumb.tsx';
import { ChildList, wilayahListItems } from './child-list/ChildList.tsx';
import { DesaPanel } from './desa-panel/DesaPanel.tsx';
import { MapView } from '../../shared/map-view/MapView.tsx';
import { ErrorMessage, Loading } from '../../shared/status/StatusMessage.tsx';
import { isNotFound } from '../../shared/status/describe-error.ts';
import { PuskesmasPanel } from './puskesmas-view/PuskesmasPanel.tsx';
import {
  hasUnconfirmed,
  mapStyles,
  puskesmasCount,
  puskesmasItems,
  puskesmasListItems,
} from './puskesmas-view/puskesmas-view.ts';
import {
  useWilayahKerjaGeometry,
  wilayahKerjaLabels,
  wilayahKerjaViewKode,
} from '../../shared/wilayah-kerja/wilayah-kerja.ts';
import { useLayout } from '../../shared/app-shell/layout.ts';
import { DEFAULT_SORT, sortFromUrl, sortToUrl, type Sort } from '../../shared/table-sort/sort-rows.ts';
import { BottomSheet } from './sheet/BottomSheet.tsx';
import { snapForSelection, type Snap } from './sheet/sheet-model.ts';
import { MapControls } from './MapControls.tsx';
import { AllDesaToggle } from './AllDesaToggle.tsx';
import { useDrilldown } from './use-drilldown.ts';
import { linkClick } from '../../shared/links/link-click.ts';
import { countLabel, hintLabel } from '../../shared/wilayah/wilayah-text.ts';

export interface DrilldownProps {
  basemap: boolean;
  largeText: boolean;
}

interface Hover {
  kode: string | null;
  fromMap: boolean;
}

const NO_VALUES: Record<string, FeatureStyle> = {};
const GROUPS: readonly GroupBy[] = ['kecamatan', 'puskesmas'];

export function Drilldown({ basemap, largeText }: DrilldownProps) {
  const t = useT();
  const [url, navigate] = useUrlState();
  const [lang] = useLang();
  const view = useDrilldown(url.wilayah);
  // A kabupaten/kota can be shown per wilayah kerja puskesmas: its kode, else null (per kecamatan, desa…).
  const groupable = view.viewKode !== null && !view.isLeaf && tingkatOf(view.viewKode) === 'kabupaten';
  const byPuskesmas = groupable && url.menurut === 'puskesmas' ? view.viewKode : null;
  const wilayahKerja = useWilayahKerjaGeometry(byPuskesmas, byPuskesmas !== null);
  const choropleth = useChoropleth(url, view.viewKode, t, byPuskesmas);
  // "Semua desa": every desa of Indonesia or of the provinsi at once, from the vector tiles.
  const allDesaView = url.tampilan === 'semua-desa' && !byPuskesmas && !view.isLeaf && allowsAllDesa(view.viewKode);
  const desaChoropleth = useDesaChoropleth(
    choropleth.def,
    choropleth.period?.code,
    view.viewKode,
    choropleth.mode,
    allDesaView,
    t,
  );
  const [hover, setHover] = useState<Hover>({ kode: null, fromMap: false });
  // The hovered desa's details (nama, pembilang, penyebut…) are its row among the desa of its kecamatan.
  const hoverKecamatan =
    allDesaView && hover.kode && tingkatOf(hover.kode) === 'desa' ? ancestorAt(hover.kode, 'kecamatan') : null;
  const hoverValues = useValues(choropleth.def?.code, choropleth.period?.code, hoverKecamatan, hoverKecamatan !== null);
  const version = view.meta.data?.geometryVersion;
  const metaBbox = view.meta.data?.bbox ?? null;
  const allDesa = useMemo<AllDesa | null>(
    () =>
      allDesaView && version
        ? { tileUrl: tileUrlTemplate(version, window.location.origin), only: view.viewKode, bounds: metaBbox }
        : null,
    [allDesaView, version, view.viewKode, metaBbox],
  );
  /** The puskesmas chosen in the wilayah kerja view (a puskesmas is not a wilayah: no drill-down, a panel). */
  const [chosen, setChosen] = useState<string | null>(null);

  const layout = useLayout();
  // A shared link to a desa opens on its profile: the sheet half way up; any other view on the map with the sheet folded.
  const [snap, setSnap] = useState<Snap>(() => (url.wilayah && tingkatOf(url.wilayah) === 'desa' ? 'half' : 'peek'));
  const sideBody = useRef<HTMLDivElement>(null);
  /** A drill-down or a selection was made on this page: focus goes to what it opened once that is on screen. */
  const focusPending = useRef(false);
  const go = useCallback(
    (kode: string | null) => {
      focusPending.current = true;
      navigate({ wilayah: kode });
    },
    [navigate],
  );
  const sort = useMemo(() => sortFromUrl(url.urut) ?? DEFAULT_SORT, [url.urut]);
  const chooseSort = useCallback((next: Sort) => navigate({ urut: sortToUrl(next) }, { replace: true }), [navigate]);
  const choose = useCallback((kode: string) => {
    focusPending.current = true;
    setChosen(kode);
  }, []);
  const chooseIndicator = useCallback((code: string) => navigate({ indikator: code }), [navigate]);
  const choosePeriod = useCallback((code: string) => navigate({ periode: code }), [navigate]);
  const chooseMode = useCallback(
    (mode: LegendMode) => navigate({ legenda: mode === 'target' ? null : mode }),
    [navigate],
  );
  const chooseGroup = useCallback(
    (group: GroupBy) => navigate({ menurut: group === 'puskesmas' ? group : null }),
    [navigate],
  );
  const chooseAllDesa = useCallback((on: boolean) => navigate({ tampilan: on ? 'semua-desa' : null }), [navigate]);
  const hoverFromMap = useCallback((kode: string | null) => setHover({ kode, fromMap: true }), []);
  const hoverFromList = useCallback((kode: string | null) => setHover({ kode, fromMap: false }), []);
  useEffect(() => setHover({ kode: null, fromMap: false }), [view.viewKode, byPuskesmas, allDesaView]);
  useEffect(() => setChosen(null), [byPuskesmas]);
  // A typed link (?wilayah=1210, or an unreadable kode) is rewritten once into its canonical form.
  useEffect(() => navigate({}, { replace: true }), [navigate]);

  const indonesia = t('breadcrumb.indonesia');
  const title = view.kode === null ? indonesia : (view.current?.nama ?? view.crumbs.at(-1)?.nama ?? view.kode);
  useEffect(() => {
    document.title = t('app.documentTitle', { nama: title });
  }, [t, title]);

  const labels = useMemo<MapLabel[]>(
    () =>
      (view.children.data ?? []).flatMap((c) =>
        c.label
          ? [
              {
                kode: c.kode,
                nama: c.nama,
                lngLat: c.label,
                priority: c.bbox ? (c.bbox[2] - c.bbox[0]) * (c.bbox[3] - c.bbox[1]) : 0,
              },
            ]
          : [],
      ),
    [view.children.data],
  );
  const wkLabels = useMemo(() => (wilayahKerja.data ? wilayahKerjaLabels(wilayahKerja.data) : []), [wilayahKerja.data]);
  const mapLabels = byPuskesmas ? wkLabels : labels;
  const labelPoints = useMemo(
    () => new Map(mapLabels.map((l) => [l.kode, { lngLat: l.lngLat, priority: l.priority }])),
    [mapLabels],
  );
  const wkItems = useMemo(
    () =>
      byPuskesmas && wilayahKerja.data
        ? puskesmasItems(wilayahKerja.data, choropleth.puskesmasRows, t('list.noPuskesmas'))
        : undefined,
    [byPuskesmas, wilayahKerja.data, choropleth.puskesmasRows, t],
  );

  // What a drill-down or a selection opened: the chosen desa's (or puskesmas') profile, else the new list. Focus goes
  // to its heading as soon as it is rendered, the pane scrolled to its top, and on a phone the sheet opens far
  // enough to show a profile: the next Tab continues inside what was opened.
  const profileShown = (view.isLeaf && !!view.current) || (byPuskesmas !== null && chosen !== null);
  const listShown = !!(byPuskesmas ? wilayahKerja.data : view.children.data);
  useEffect(() => {
    if (!focusPending.current) return;
    const leaf = view.isLeaf || (byPuskesmas !== null && chosen !== null);
    const id = !leaf ? 'child-list-heading' : byPuskesmas ? 'puskesmas-panel-heading' : 'desa-panel-heading';
    const target = (leaf ? profileShown : listShown) ? document.getElementById(id) : null;
    if (!target) return;
    focusPending.current = false;
    if (sideBody.current) sideBody.current.scrollTop = 0;
    target.focus({ preventScroll: true });
    if (leaf) setSnap(snapForSelection);
  }, [url.wilayah, view.isLeaf, byPuskesmas, chosen, profileShown, listShown]);

  if (view.wilayah.isError && isNotFound(view.wilayah.error)) {
    return (
      <main className="drilldown drilldown--error">
        <ErrorMessage error={view.wilayah.error} testId="wilayah-error" />
        <a className="button" href="?" onClick={linkClick(() => go(null))}>
          {t('error.backHome')}
        </a>
      </main>
    );
  }

  const geometryError = (byPuskesmas ? wilayahKerja.error : view.geometry.error) ?? view.meta.error;
  const mapGeometry = byPuskesmas ? wilayahKerja.data : view.geometry.data;
  const overlay = geometryError ? (
    <ErrorMessage
      error={geometryError}
      onRetry={() => {
        void view.meta.refetch();
        void (byPuskesmas ? wilayahKerja.refetch() : view.geometry.refetch());
      }}
      testId="map-error"
    />
  ) : !mapGeometry ? (
    <Loading message={t('status.loadingMap')} testId="map-loading" />
  ) : null;

  const viewNama = view.viewKode === null ? indonesia : (view.viewNama ?? '…');
  const selectedKode = byPuskesmas ? chosen : view.isLeaf ? view.kode : null;
  const { def, period, model, rowByKode } = choropleth;
  const periodText = period ? labelOfPeriod(period, lang, t) : '';
  const hoverRow = hover.kode
    ? hoverKecamatan
      ? hoverValues.data?.rows.find((r) => r.kode === hover.kode)
      : rowByKode.get(hover.kode)
    : undefined;
  const mapModel = allDesaView ? desaChoropleth.model : model;
  const selectedRow = selectedKode ? rowByKode.get(selectedKode) : undefined;
  const chosenItem = chosen ? wkItems?.find((i) => i.kode === chosen) : undefined;
  const select = byPuskesmas ? choose : go;
  const list = byPuskesmas
    ? wkItems && {
        items: puskesmasListItems(wkItems, t),
        heading: t('list.heading', { count: t('count.puskesmas', { n: puskesmasCount(wkItems) }), nama: viewNama }),
        note: wilayahKerja.data && hasUnconfirmed(wilayahKerja.data) ? t('list.puskesmasUnconfirmed') : null,
        hint: t('list.hint.puskesmas'),
      }
    : view.children.data && {
        items: wilayahListItems(view.children.data, t),
        heading: t('list.heading', {
          count: countLabel(view.childTingkat, view.children.data.length, t),
          nama: viewNama,
        }),
        note: null,
        hint: hintLabel(view.childTingkat, t),
      };
  const listQuery = byPuskesmas ? wilayahKerja : view.children;

  const compact = layout !== 'desktop';
  const badge = choropleth.simulated && <SimulatedBadge partial={choropleth.partlySimulated} short={compact} />;
  const status = (
    <>
      {!compact && badge}
      {allDesaView && desaChoropleth.values.isError && (
        <ErrorMessage
          error={desaChoropleth.values.error}
          onRetry={() => void desaChoropleth.values.refetch()}
          testId="desa-values-error"
        />
      )}
      {choropleth.values.isError && (
        <ErrorMessage
          error={choropleth.values.error}
          onRetry={() => void choropleth.values.refetch()}
          testId="values-error"
        />
      )}
    </>
  );
  const options = (
    <>
      {groupable && (
        <div className="group-by" role="group" aria-label={t('groupBy.label')} data-testid="group-by">
          <span className="control-label">{t('groupBy.label')}</span>
          <div className="segmented segmented--light">
            {GROUPS.map((g) => (
              <button
                key={g}
                type="button"
                aria-pressed={(byPuskesmas ? 'puskesmas' : 'kecamatan') === g}
                onClick={() => chooseGroup(g)}
                data-testid={`group-by-${g}`}
              >
                {t(`groupBy.${g}`)}
              </button>
            ))}
          </div>
        </div>
      )}
      {allowsAllDesa(view.viewKode) && !view.isLeaf && (
        <AllDesaToggle
          viewKode={view.viewKode}
          on={allDesaView}
          count={desaChoropleth.count}
          onChange={chooseAllDesa}
        />
      )}
      {model && def && period && !allDesaView && (
        <SharePngButton
          geometry={mapGeometry}
          labels={labelPoints}
          model={model}
          viewNama={byPuskesmas ? t('share.titlePuskesmas', { nama: viewNama }) : viewNama}
          periodText={periodText}
          simulated={choropleth.simulated}
          fileName={`peta-${view.viewKode ?? 'indonesia'}${byPuskesmas ? '-puskesmas' : ''}-${def.code}-${period.code}.png`}
        />
      )}
    </>
  );
  const sheet = layout === 'phone';
  const profileTitle = byPuskesmas ? chosenItem?.nama : view.isLeaf ? view.current?.nama : undefined;

  return (
    <main className="drilldown" data-layout={layout}>
      <Breadcrumb crumbs={view.crumbs} onNavigate={go} />
      <MapControls
        compact={compact}
        list={choropleth.list}
        indicator={def}
        onIndicator={chooseIndicator}
        period={period}
        periodText={periodText}
        periodShort={period ? shortPeriodLabel(period, lang) : ''}
        latest={choropleth.latest}
        onPeriod={choosePeriod}
        options={options}
        status={status}
      />
      <div className="panes" data-snap={sheet ? snap : undefined}>
        {/* Under a sheet pulled over the whole screen the map is out of reach: out of the tab order too. */}
        <section className="map-pane" inert={sheet && snap === 'full'}>
          <MapView
            viewKode={byPuskesmas ? wilayahKerjaViewKode(byPuskesmas) : view.viewKode}
            geometry={mapGeometry}
            labels={mapLabels}
            context={view.viewKode === null ? undefined : view.context.data}
            outerContext={view.outerKode === undefined ? undefined : view.outer.data}
            contextCurrent={view.viewKode}
            bounds={view.bounds}
            hoverKode={hover.kode}
            selectedKodes={selectedKode ? [selectedKode] : []}
            basemap={basemap}
            largeText={largeText}
            ariaLabel={t(byPuskesmas ? 'map.labelPuskesmas' : 'map.label', { nama: title })}
            onSelect={select}
            onHover={hoverFromMap}
            featureValues={model && !allDesaView ? (byPuskesmas ? mapStyles(model.styles) : model.styles) : NO_VALUES}
            allDesa={allDesa}
            desaValues={desaChoropleth.model?.styles ?? NO_VALUES}
            overlay={
              overlay ??
              (allDesaView && !desaChoropleth.model ? (
                <Loading message={t('allDesa.loading')} testId="all-desa-loading" />
              ) : null)
            }
          >
            {compact ? (
              // On a phone the top-left corner holds the legend button and the simulasi badge, the bottom the sheet.
              <div className="map-corner">
                {mapModel && <Legend model={mapModel} periodLabel={periodText} onMode={chooseMode} />}
                {badge}
              </div>
            ) : (
              mapModel && <Legend model={mapModel} periodLabel={periodText} onMode={chooseMode} />
            )}
            {/* On a phone the sheet shows the chosen wilayah: no hover card over the small map. */}
            {hoverRow && def && period && (hoverKecamatan ? mapModel : model) && layout === 'desktop' && (
              <HoverCard
                row={hoverRow}
                def={def}
                colour={(hoverKecamatan ? mapModel : model)!.colourOf(hoverRow.kode)}
                period={period}
              />
            )}
          </MapView>
        </section>
        <BottomSheet
          sheet={sheet}
          snap={snap}
          onSnap={setSnap}
          title={profileTitle ?? list?.heading ?? t('sheet.label')}
          bodyRef={sideBody}
        >
          {view.isLeaf && view.current && (
            <DesaPanel
              wilayah={view.current}
              meta={view.meta.data}
              indicator={
                def && period && model
                  ? {
                      def,
                      period,
                      periodLabel: periodText,
                      row: selectedRow,
                      colour: model.colourOf(view.current.kode),
                    }
                  : undefined
              }
              onNavigate={go}
            />
          )}
          {byPuskesmas && chosenItem && (
            <PuskesmasPanel
              key={chosenItem.kode}
              item={chosenItem}
              kabupaten={byPuskesmas}
              indicator={
                def && model
                  ? { def, periodLabel: periodText, row: selectedRow, colour: model.colourOf(chosenItem.kode) }
                  : undefined
              }
              onClose={() => setChosen(null)}
            />
          )}
          {view.wilayah.isError && (
            <ErrorMessage error={view.wilayah.error} onRetry={() => void view.wilayah.refetch()} />
          )}
          {listQuery.isPending && <Loading message={t('status.loadingList')} testId="list-loading" />}
          {listQuery.isError && (
            <ErrorMessage error={listQuery.error} onRetry={() => void listQuery.refetch()} testId="list-error" />
          )}
          {list && (
            <ChildList
              {...list}
              parentNama={viewNama}
              selectedKode={selectedKode}
              hoverKode={hover.kode}
              followHover={hover.fromMap}
              values={
                def && model
                  ? {
                      def,
                      caption: t('table.caption', { indikator: def.short, period: periodText }),
                      rowByKode,
                      colourOf: model.colourOf,
                      updating: choropleth.updating,
                      partlySimulated: choropleth.partlySimulated,
                    }
                  : undefined
              }
              sort={sort}
              onSort={chooseSort}
              onSelect={select}
              onHover={hoverFromList}
            />
          )}
          {/* The footer's credit, which the phone layout has no room for under the map. */}
          {sheet && <p className="side-pane__credit">{t('footer.credit')}</p>}
        </BottomSheet>
      </div>
    </main>
  );
}
