// Profil: one page per desa (and per kecamatan) for its kepala desa or camat — where it lies, every indicator of the
// period as a big number in plain words (weakest first, "belum ada data" last), a click opens its PWS chart, the
// Pustu and Posyandu of a desa, the open follow-up actions of its meetings; "Cetak" prints it on A4.
// The URL is the map's: ?wilayah=…&periode=…&indikator=… (the indicator whose chart is open, and the map's colours);
// ?puskesmas=KODE instead of wilayah gives the profile of a puskesmas wilayah kerja (no map and no monthly chart:
// its desa change over time, the numbers are summed by the wilayah kerja valid in each month).
import { useEffect, useMemo, type ReactNode } from 'react';
import { ancestorAt, parentOf, seriesUpTo, tingkatOf, type Period } from '@peta/domain';
import type { IndicatorDto, WilayahProfile } from '@peta/domain/contract';
import { useChildren, useChildrenGeometry, useMeta, useSeries, useWilayah } from '../../api/queries.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { goToHref, hrefForPage, usePageParam, useUrlState } from '../../url-state.ts';
import { SimulatedBadge } from '../../shared/choropleth/SimulatedBadge.tsx';
import { useChoropleth } from '../../shared/choropleth/use-choropleth.ts';
import { FacilitiesSection } from '../../shared/facilities/FacilitiesSection.tsx';
import { SeriesChart } from '../../shared/series-chart/SeriesChart.tsx';
import { linkClick } from '../../shared/links/link-click.ts';
import { tingkatLabel, withTingkat } from '../../shared/wilayah/wilayah-text.ts';
import { PeriodPicker } from '../../shared/indicator/PeriodPicker.tsx';
import { periodLabel } from '../../shared/indicator/period-label.ts';
import { WilayahMap } from '../../shared/wilayah/WilayahMap.tsx';
import { ErrorMessage, Loading } from '../../shared/status/StatusMessage.tsx';
import { dateText, indicatorCards, type IndicatorCard } from './profile-model.ts';
import { useProfile, type ProfileSubject } from './profile-api.ts';
import './profile.css';

export default function ProfilePage() {
  const t = useT();
  const [lang] = useLang();
  const [url, navigate] = useUrlState();
  const [puskesmas] = usePageParam('puskesmas');
  const subject: ProfileSubject | null = puskesmas
    ? { kind: 'puskesmas', kode: puskesmas }
    : url.wilayah
      ? { kind: 'wilayah', kode: url.wilayah }
      : null;
  const kode = subject?.kind === 'wilayah' ? subject.kode : null;
  const meta = useMeta();
  const wilayahQuery = useWilayah(kode);
  const parent = kode ? parentOf(kode) : null;
  // The period as the map picks it (URL, else January to the latest month with data), and the siblings' colours.
  const choropleth = useChoropleth(url, parent, t);
  const { period, def, model } = choropleth;
  const profile = useProfile(subject, period?.code);
  const wilayah = wilayahQuery.data?.kode === kode ? wilayahQuery.data : undefined;
  const nama = wilayah?.nama ?? profile.data?.nama ?? kode ?? '';
  useEffect(() => {
    if (nama) document.title = t('app.documentTitle', { nama });
  }, [t, nama]);
  // After every hook: switching between a wilayah and a puskesmas keeps the hook order.
  if (subject?.kind === 'puskesmas') {
    return (
      <PuskesmasProfile
        profile={profile}
        list={choropleth.list}
        period={period}
        periodText={period ? periodLabel(period, lang, t) : ''}
        latest={choropleth.latest}
        onPeriod={(code) => navigate({ periode: code })}
      />
    );
  }

  const mapHref = hrefForPage('peta');
  if (!kode) {
    return (
      <main className="page profil" data-testid="page-profil">
        <p className="note">{t('profil.needWilayah')}</p>
        <a className="button" href={mapHref} onClick={linkClick(() => goToHref(mapHref))}>
          {t('profil.backToMap')}
        </a>
      </main>
    );
  }
  const tingkat = wilayah?.tingkat ?? tingkatOf(kode);
  const periodText = period ? periodLabel(period, lang, t) : '';
  const parents = wilayah
    ? [...wilayah.parents]
        .reverse()
        .map((p) => withTingkat(p.kode, p.tingkat, p.nama, t))
        .join(', ')
    : '';

  return (
    <main className="page profil" data-testid="page-profil">
      <ProfileBar />
      <header className="profil__head">
        <div className="profil__title">
          <p className="profil__eyebrow">{t('profil.eyebrow', { tingkat: tingkatLabel(kode, tingkat, t) })}</p>
          <h2 data-testid="profil-title">{nama}</h2>
          {parents && <p className="profil__parents">{t('profil.parents', { parents })}</p>}
          <p className="profil__period" data-testid="profil-period">
            {periodText}
          </p>
          {profile.data?.simulated && <SimulatedBadge />}
          <div className="no-print">
            <PeriodPicker value={period} latest={choropleth.latest} onChange={(code) => navigate({ periode: code })} />
          </div>
        </div>
        {wilayah?.hasGeometry !== false && (
          <ProfileMap
            parent={parent}
            kode={kode}
            nama={nama}
            version={meta.data?.geometryVersion}
            colourOf={model?.colourOf}
            indikator={def?.short}
          />
        )}
      </header>

      {profile.isError && (
        <ErrorMessage error={profile.error} onRetry={() => void profile.refetch()} testId="profil-error" />
      )}
      {profile.isPending && <Loading message={t('profil.loading')} testId="profil-loading" />}
      {profile.data && (
        <Indicators
          profile={profile.data}
          list={choropleth.list}
          kode={kode}
          period={period}
          periodText={periodText}
          open={url.indikator}
          onOpen={(code) => navigate({ indikator: code }, { replace: true })}
          updating={profile.isPlaceholderData}
        />
      )}
      {tingkat === 'desa' && <FacilitiesSection key={kode} kode={kode} />}
      {profile.data && <OpenActions profile={profile.data} list={choropleth.list} kode={kode} />}
    </main>
  );
}

function ProfileMap({
  parent,
  kode,
  nama,
  version,
  colourOf,
  indikator,
}: {
  parent: string | null;
  kode: string;
  nama: string;
  version: string | undefined;
  colourOf: ((kode: string) => string) | undefined;
  indikator: string | undefined;
}) {
  const t = useT();
  const geometry = useChildrenGeometry(version, parent);
  const fills = useMemo(
    () =>
      new Map(
        (geometry.data?.features ?? []).map((f) => {
          const k = f.properties.kode;
          return [k, colourOf ? colourOf(k) : k === kode ? '#fbe3ad' : '#e5e5e5'] as [string, string];
        }),
      ),
    [geometry.data, colourOf, kode],
  );
  if (geometry.isError) return null;
  return (
    <figure className="profil__map" data-testid="profil-map">
      <WilayahMap
        geometry={geometry.data}
        fills={fills}
        highlight={kode}
        label={t('profil.map', { nama })}
        width={400}
        height={300}
      />
      {indikator && <figcaption>{t('profil.mapCaption', { nama, indikator })}</figcaption>}
    </figure>
  );
}

function Indicators({
  profile,
  list,
  kode,
  period,
  periodText,
  open,
  onOpen,
  updating,
}: {
  profile: WilayahProfile;
  list: IndicatorDto[];
  kode: string | null;
  period: Period | undefined;
  periodText: string;
  open: string | null;
  onOpen: (code: string | null) => void;
  updating: boolean;
}) {
  const t = useT();
  const [lang] = useLang();
  const cards = useMemo(() => indicatorCards(profile, list, t, lang), [profile, list, t, lang]);
  const defs = useMemo(() => new Map(list.map((d) => [d.code, d])), [list]);
  return (
    <section className="profil__section" aria-labelledby="profil-ind-heading" aria-busy={updating}>
      <h3 id="profil-ind-heading">{t('profil.indicatorsHeading')}</h3>
      <p className="profil__intro">
        {t('profil.introNoChart', { period: periodText })}
        {/* An instruction for the screen, not for paper. */}
        {kode !== null && <span className="no-print"> {t('profil.introClick')}</span>}
      </p>
      {cards.some((c) => c.pws) && <p className="profil__help">{t('profil.pwsHelp')}</p>}
      {cards.length === 0 && <p className="note">{t('profil.none')}</p>}
      <ol className="profil__cards" data-testid="profil-cards">
        {cards.map((card) => (
          <Card
            key={card.code}
            card={card}
            chartable={kode !== null}
            expanded={open === card.code}
            onToggle={() => onOpen(open === card.code ? null : card.code)}
          >
            {kode && open === card.code && defs.get(card.code) && period && (
              <Chart kode={kode} def={defs.get(card.code)!} period={period} />
            )}
          </Card>
        ))}
      </ol>
    </section>
  );
}

function Card({
  card,
  chartable,
  expanded,
  onToggle,
  children,
}: {
  card: IndicatorCard;
  chartable: boolean;
  expanded: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const chartId = `profil-chart-${card.code}`;
  return (
    <li
      className={`profil-card${card.hasData ? '' : ' profil-card--empty'}`}
      data-testid="profil-card"
      data-indicator={card.code}
    >
      <button
        type="button"
        className="profil-card__toggle"
        aria-expanded={expanded}
        aria-controls={chartId}
        onClick={onToggle}
        data-testid="profil-card-toggle"
      >
        <span className="profil-card__name">
          <strong>{card.shortName}</strong>
          <span className="profil-card__full">{card.name}</span>
        </span>
        <span className="profil-card__value" data-testid="profil-card-value">
          {card.value}
        </span>
      </button>
      {card.hasData && (
        <ul className="profil-card__facts">
          {card.count && <li data-testid="profil-card-count">{card.count}</li>}
          {card.target && <li>{card.target}</li>}
          {card.judged && (
            <li className="profil-card__judged" data-testid="profil-card-judged">
              {card.judged}
            </li>
          )}
          {card.over100 && <li className="profil-card__flag">{t('value.over100Title')}</li>}
          {card.shortOfTarget && (
            <li className="profil-card__gap" data-testid="profil-card-short">
              {card.shortOfTarget}
            </li>
          )}
          {card.notYetServed && (
            <li className="profil-card__gap" data-testid="profil-card-unserved">
              {card.notYetServed}
            </li>
          )}
          {card.trendMonth && <Trend line={card.trendMonth} testId="profil-card-month" />}
          {card.trendYear && <Trend line={card.trendYear} testId="profil-card-year" />}
          {card.pws && (
            <li className={`pws pws--${card.pws.status ?? 'none'}`} data-testid="profil-card-pws">
              {card.pws.text}
              {card.pws.explain && <span className="pws__desc"> — {card.pws.explain}</span>}
            </li>
          )}
        </ul>
      )}
      <div id={chartId} className="profil-card__chart">
        {children}
        {card.hasData && chartable && (
          <span className="profil-card__more no-print" aria-hidden="true">
            {expanded ? '' : `${t('profil.showChart')} ›`}
          </span>
        )}
      </div>
    </li>
  );
}

function Trend({ line, testId }: { line: { text: string; tone: 'good' | 'bad' | 'neutral' }; testId: string }) {
  const t = useT();
  return (
    <li className={`profil-trend profil-trend--${line.tone}`} data-testid={testId}>
      {line.text}
      {line.tone !== 'neutral' && <> {t(line.tone === 'good' ? 'profil.tone.good' : 'profil.tone.bad')}</>}
    </li>
  );
}

/** The year up to the period's last month: the chart's PWS status is then the card's. */
function Chart({ kode, def, period }: { kode: string; def: IndicatorDto; period: Period }) {
  const t = useT();
  const series = useSeries(kode, def.code, period.year);
  const upTo = useMemo(
    () => series.data && { ...series.data, months: seriesUpTo(series.data.months, period.toMonth) },
    [series.data, period.toMonth],
  );
  if (series.isPending) return <Loading message={t('panel.series.loading')} />;
  if (series.isError) return <ErrorMessage error={series.error} onRetry={() => void series.refetch()} />;
  return <SeriesChart series={upTo!} def={def} month={period.toMonth} />;
}

function OpenActions({ profile, list, kode }: { profile: WilayahProfile; list: IndicatorDto[]; kode: string | null }) {
  const t = useT();
  const [lang] = useLang();
  // A kecamatan's actions are about its desa: say which.
  const children = useChildren(kode, kode !== null && tingkatOf(kode) !== 'desa');
  const desaName = (k: string) => children.data?.find((c) => c.kode === k)?.nama;
  const shortName = (code: string) => list.find((d) => d.code === code)?.short ?? code;
  return (
    <section className="profil__section" aria-labelledby="profil-actions-heading" data-testid="profil-actions">
      <h3 id="profil-actions-heading">{t('profil.actionsHeading')}</h3>
      {profile.openActions.length === 0 && <p className="note note--muted">{t('profil.actionsNone')}</p>}
      <ul className="profil__actions">
        {profile.openActions.map((a) => {
          const href = `/rapat?${new URLSearchParams({ rapat: String(a.meetingId), wilayah: ancestorAt(a.desaKode, 'kecamatan') ?? a.desaKode }).toString()}`;
          const desa = a.desaKode !== kode ? desaName(a.desaKode) : undefined;
          return (
            <li key={a.id} className="profil-action" data-testid="profil-action">
              <p className="profil-action__what">
                <strong>{a.apa}</strong>
              </p>
              <p className="profil-action__meta">
                <span className="tag">{shortName(a.indicator)}</span>
                {desa && <span className="tag">{t('profil.actionDesa', { nama: desa })}</span>}
              </p>
              <p>
                {t('profil.actionWho', { siapa: a.siapa })} ·{' '}
                {a.tenggat ? t('profil.actionDue', { tanggal: dateText(a.tenggat, lang) }) : t('profil.actionNoDue')}
              </p>
              <p className="profil-action__from">
                <a href={href} onClick={linkClick(() => goToHref(href))}>
                  {t('profil.actionFrom', { judul: a.meetingJudul, tanggal: dateText(a.meetingTanggal, lang) })}
                </a>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A puskesmas wilayah kerja: the same cards and actions, without the map and the monthly chart. */
function PuskesmasProfile({
  profile,
  list,
  period,
  periodText,
  latest,
  onPeriod,
}: {
  profile: ReturnType<typeof useProfile>;
  list: IndicatorDto[];
  period: Period | undefined;
  periodText: string;
  latest: ReturnType<typeof useChoropleth>['latest'];
  onPeriod: (code: string) => void;
}) {
  const t = useT();
  return (
    <main className="page profil" data-testid="page-profil">
      <ProfileBar />
      <header className="profil__head">
        <div className="profil__title">
          <p className="profil__eyebrow">{t('profil.eyebrowPuskesmas')}</p>
          <h2 data-testid="profil-title">{profile.data?.nama ?? '…'}</h2>
          <p className="profil__parents">{t('profil.puskesmasNote')}</p>
          <p className="profil__period" data-testid="profil-period">
            {periodText}
          </p>
          {profile.data?.simulated && <SimulatedBadge />}
          <div className="no-print">
            <PeriodPicker value={period} latest={latest} onChange={onPeriod} />
          </div>
        </div>
      </header>
      {profile.isError && (
        <ErrorMessage error={profile.error} onRetry={() => void profile.refetch()} testId="profil-error" />
      )}
      {profile.isPending && <Loading message={t('profil.loading')} testId="profil-loading" />}
      {profile.data && (
        <Indicators
          profile={profile.data}
          list={list}
          kode={null}
          period={period}
          periodText={periodText}
          open={null}
          onOpen={() => undefined}
          updating={profile.isPlaceholderData}
        />
      )}
      {profile.data && <OpenActions profile={profile.data} list={list} kode={null} />}
    </main>
  );
}

/** Back to the map, and print (both hidden on paper). */
function ProfileBar() {
  const t = useT();
  const mapHref = hrefForPage('peta');
  return (
    <div className="profil__bar no-print">
      <a
        className="button button--ghost"
        href={mapHref}
        onClick={linkClick(() => goToHref(mapHref))}
        data-testid="profil-back"
      >
        ← {t('profil.backToMap')}
      </a>
      <button type="button" className="button" onClick={() => window.print()} data-testid="profil-print">
        {t('profil.print')}
      </button>
    </div>
  );
}
