// The planner's map in two modes ("Desa | Wilayah kerja", map-layers.ts): both coloured by the ILP stage of the
// puskesmas, proposals not yet confirmed hatched. Clicking a wilayah kerja focuses its puskesmas (as its table row
// does); clicking a desa (or, in wilayah kerja mode, a desa without a puskesmas) opens the form to move it. In
// "Desa" mode several desa can be selected (Shift/Ctrl+click, or "Pilih dengan laso": every desa whose label point
// is inside the drawn ring) and moved together (MoveManyPanel).
import { useMemo, useRef, useState } from 'react';
import { ILP_STAGES } from '@peta/domain';
import type { PuskesmasList } from '@peta/domain/contract';
import { useMeta } from '../../api/queries.ts';
import { useStoredState } from '../../settings.ts';
import { MapView } from '../../shared/map-view/MapView.tsx';
import { ErrorMessage, Loading } from '../../shared/status/StatusMessage.tsx';
import { projectionWithin } from '../../map/projection.ts';
import { clickSelection, insideLasso, lassoSelection, type Point } from './lasso-model.ts';
import { LassoLayer } from './LassoLayer.tsx';
import type { TFunction } from '../../i18n/i18n.tsx';
import {
  desaColours,
  desaLayer,
  isMapMode,
  MAP_MODES,
  mapTarget,
  mapViewKode,
  wilayahKerjaColours,
  wilayahKerjaLayer,
  type MapMode,
  type MapTarget,
} from './map-layers.ts';
import { MoveDesaPanel } from './MoveDesaPanel.tsx';
import { MoveManyPanel } from './MoveManyPanel.tsx';
import { StageSwatch, UnconfirmedSwatch } from './parts.tsx';
import { useWilayahKerjaGeometry } from '../../shared/wilayah-kerja/wilayah-kerja.ts';
import { useDesaGeometry } from './planner-api.ts';
import { stageLabel } from './planner-model.ts';

export function PlannerMap(props: {
  kab: string;
  nama: string;
  list: PuskesmasList | undefined;
  bbox: [number, number, number, number] | null;
  t: TFunction;
  lang: 'id' | 'en';
  largeText: boolean;
  basemap: boolean;
  focus: string | null;
  onFocus: (kode: string) => void;
  onClearFocus: () => void;
}) {
  const { kab, list, t, lang, focus } = props;
  const [mode, setModeStored] = useStoredState<MapMode>('peta.planner.mapMode', 'wilayah-kerja', isMapMode);
  const meta = useMeta();
  const desaGeometry = useDesaGeometry(meta.data?.geometryVersion, kab);
  const wilayahKerja = useWilayahKerjaGeometry(kab, mode === 'wilayah-kerja');
  // Selected desa (kode, in the order chosen): one opens the single move form, several the move of them all.
  const [selection, setSelection] = useState<string[]>([]);
  const [lasso, setLasso] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [hover, setHover] = useState<string | null>(null);
  const mapBox = useRef<HTMLDivElement>(null);
  // Shift/Ctrl/Cmd held at the last press on the map: the map's click callback carries no keys.
  const additive = useRef(false);
  const select = (next: string[]) => {
    setSelection(next);
    setNotice(null);
  };
  const setMode = (next: MapMode) => {
    select([]);
    setLasso(false);
    setHover(null);
    setModeStored(next);
  };
  const lassoOn = lasso && mode === 'desa';

  // Geometry and names follow the data; colours also follow the focus (feature-state only, nothing redrawn).
  const layer = useMemo(() => {
    if (!list || !desaGeometry.data) return undefined;
    if (mode === 'desa') return desaLayer(desaGeometry.data, list);
    return wilayahKerja.data ? wilayahKerjaLayer(wilayahKerja.data, desaGeometry.data, list) : undefined;
  }, [mode, list, desaGeometry.data, wilayahKerja.data]);
  const colours = useMemo(() => {
    if (!list) return {};
    if (mode === 'desa') return desaColours(list, focus);
    return wilayahKerja.data ? wilayahKerjaColours(wilayahKerja.data, list, focus) : {};
  }, [mode, list, wilayahKerja.data, focus]);

  const focused = focus ? list?.puskesmas.find((p) => p.kode === focus) : undefined;
  const hovered = hover && list ? mapTarget(hover, mode, list) : null;
  const onSelect = (kode: string) => {
    const target = list ? mapTarget(kode, mode, list) : null;
    if (target?.kind === 'puskesmas') props.onFocus(target.kode);
    else if (target) select(clickSelection(selection, kode, additive.current && mode === 'desa'));
  };
  /** The desa whose label point, where the map draws it now, is inside the ring (viewport pixels). */
  const onLasso = (ring: Point[], add: boolean) => {
    const project = mapBox.current ? projectionWithin(mapBox.current) : null;
    if (!list || !project) return;
    const placed = list.desa.filter((d) => d.label);
    const points = project(placed.map((d) => d.label!));
    const found = insideLasso(
      placed.map((d, i) => ({ kode: d.kode, point: points[i]! })),
      ring,
    );
    select(lassoSelection(selection, found, add));
  };
  const selected = selection.length === 1 ? selection[0]! : null;
  const failed = [desaGeometry, wilayahKerja].find((q) => q.isError);
  const overlay = failed ? (
    <ErrorMessage error={failed.error} onRetry={() => void failed.refetch()} testId="planner-map-error" />
  ) : !layer ? (
    <Loading message={t('rencana.loading')} />
  ) : null;
  return (
    <section
      className="card planner__map"
      aria-labelledby="planner-map-title"
      data-testid="planner-map"
      data-mode={mode}
    >
      <h3 id="planner-map-title">{t(mode === 'desa' ? 'rencana.mapTitle' : 'rencana.mapTitleWilayahKerja')}</h3>
      <p className="planner__hint" data-testid="planner-hint">
        {t(lassoOn ? 'rencana.lassoHint' : mode === 'desa' ? 'rencana.clickHint' : 'rencana.clickHintWilayahKerja')}
      </p>
      {focused && (
        <p className="planner__focus" data-testid="planner-focus">
          <StageSwatch stage={focused.stage} /> {t('rencana.focusShown', { nama: focused.nama, n: focused.desaCount })}
          <button
            type="button"
            className="btn btn--link"
            onClick={() => document.getElementById('planner-detail-title')?.scrollIntoView({ behavior: 'smooth' })}
          >
            {t('rencana.focusDetail')}
          </button>
          <button type="button" className="btn btn--link" onClick={props.onClearFocus}>
            {t('rencana.focusClear')}
          </button>
        </p>
      )}
      <div className="planner__map-wrap">
        <div
          className="planner__map-box"
          ref={mapBox}
          onPointerDownCapture={(e) => {
            additive.current = e.shiftKey || e.ctrlKey || e.metaKey;
          }}
        >
          <MapView
            viewKode={mapViewKode(kab, mode)}
            geometry={layer?.geometry}
            labels={layer?.labels ?? []}
            context={undefined}
            outerContext={undefined}
            contextCurrent={null}
            bounds={props.bbox}
            hoverKode={hover}
            selectedKodes={mode === 'desa' ? selection : []}
            basemap={props.basemap}
            largeText={props.largeText}
            ariaLabel={t(mode === 'desa' ? 'rencana.mapAria' : 'rencana.mapAriaWilayahKerja', { nama: props.nama })}
            onSelect={onSelect}
            onHover={setHover}
            featureValues={colours}
            overlay={overlay}
          >
            <div className="segmented segmented--light planner__modes" role="group" aria-label={t('rencana.mapMode')}>
              {MAP_MODES.map((m) => (
                <button
                  key={m}
                  type="button"
                  aria-pressed={mode === m}
                  onClick={() => setMode(m)}
                  data-testid={`map-mode-${m}`}
                >
                  {t(m === 'desa' ? 'rencana.modeDesa' : 'rencana.modeWilayahKerja')}
                </button>
              ))}
            </div>
            {mode === 'desa' && (
              <button
                type="button"
                className="planner__lasso-toggle"
                aria-pressed={lassoOn}
                onClick={() => setLasso(!lasso)}
                data-testid="lasso-toggle"
              >
                {t('rencana.lasso')}
              </button>
            )}
            {lassoOn && <LassoLayer label={t('rencana.lassoAria')} onLasso={onLasso} />}
            {list && <StageLegend list={list} t={t} lang={lang} />}
            {hovered && <HoverCard target={hovered} list={list!} t={t} lang={lang} />}
          </MapView>
        </div>
        {selected && list?.desa.some((d) => d.kode === selected) && (
          <MoveDesaPanel
            key={selected}
            kab={kab}
            desaKode={selected}
            list={list}
            t={t}
            lang={lang}
            onClose={() => select([])}
          />
        )}
        {selection.length > 1 && list && (
          <MoveManyPanel
            key={selection.join(',')}
            kab={kab}
            kodes={selection}
            list={list}
            t={t}
            lang={lang}
            onClear={() => select([])}
            onMoved={(message) => {
              setSelection([]);
              setNotice(message);
            }}
          />
        )}
        {notice && (
          <aside className="planner__panel" aria-label={t('rencana.desaSelected')} data-testid="move-many-done">
            <p className="planner__ok" role="status">
              {notice}
            </p>
            <button type="button" className="btn btn--link" onClick={() => setNotice(null)}>
              {t('rencana.close')}
            </button>
          </aside>
        )}
      </div>
    </section>
  );
}

/** The same legend in both modes: the stages in use, desa without a puskesmas, and the hatch of a proposal. */
function StageLegend({ list, t, lang }: { list: PuskesmasList; t: TFunction; lang: 'id' | 'en' }) {
  const usedStages = new Set(list.puskesmas.filter((p) => p.desaCount > 0).map((p) => p.stage));
  const hasUnassigned = list.desa.some((d) => !d.puskesmas);
  const hasUnconfirmed = list.desa.some((d) => d.puskesmas && !d.confirmed);
  return (
    <div className="planner__legend" data-testid="planner-legend">
      <strong>{t('rencana.legendTitle')}</strong>
      <ul>
        {ILP_STAGES.map((s) => (
          <li key={s.code} className={usedStages.has(s.code) ? '' : 'legend__unused'}>
            <StageSwatch stage={s.code} />
            {stageLabel(s.code, lang)}
          </li>
        ))}
        {hasUnassigned && (
          <li>
            <StageSwatch stage={null} />
            {t('rencana.noPuskesmas')}
          </li>
        )}
        {hasUnconfirmed && (
          <li data-testid="legend-unconfirmed">
            <UnconfirmedSwatch />
            {t('rencana.legendUnconfirmed')}
          </li>
        )}
      </ul>
    </div>
  );
}

function HoverCard({
  target,
  list,
  t,
  lang,
}: {
  target: MapTarget;
  list: PuskesmasList;
  t: TFunction;
  lang: 'id' | 'en';
}) {
  const kode = target.kind === 'puskesmas' ? target.kode : target.desa.puskesmas;
  const puskesmas = kode ? list.puskesmas.find((p) => p.kode === kode) : undefined;
  return (
    <div className="planner__hover" data-testid="planner-hover">
      <strong>{target.kind === 'desa' ? target.desa.nama : puskesmas?.nama}</strong>
      {target.kind === 'desa' && <span>{puskesmas ? puskesmas.nama : t('rencana.noPuskesmas')}</span>}
      {puskesmas && <span>{stageLabel(puskesmas.stage, lang)}</span>}
      {target.kind === 'puskesmas' && puskesmas && (
        <span className="muted">
          {t('rencana.hoverDesa', { n: puskesmas.desaCount })}
          {puskesmas.unconfirmedDesa > 0 && ` · ${t('rencana.hoverUnconfirmed', { n: puskesmas.unconfirmedDesa })}`}
        </span>
      )}
    </div>
  );
}
