// "Isian": entry in the browser (issue 19 item 5). The desa of a puskesmas' wilayah kerja (or of a kecamatan) ×
// the indicators of one group for one month, typed like a spreadsheet (GridTable), checked as typed with the import
// rules, saved as ONE import (history and undo on "Impor data"). Offline, or when the request fails on the network,
// the save waits in IndexedDB and is sent when the connection returns; a cell someone else changed since it was typed
// over comes back as a conflict showing both values, and nothing is overwritten until the user picks one.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ancestorAt, INDICATORS, INDICATOR_GROUPS, getIndicator, type ImportIssue } from '@peta/domain';
import type { GridConflict, GridSaveBody, GridSaveCell, ImportOutcomeDto } from '@peta/domain/contract';
import { useLatestMonth } from '../../api/queries.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { roleLabel } from '../../shared/session/can.ts';
import { useSessionUser } from '../../shared/session/session-api.ts';
import { NotAllowed, usePermission } from '../../shared/session/use-permission.tsx';
import { ErrorMessage, Loaded } from '../../shared/status/StatusMessage.tsx';
import { kabupatenOfScope } from '../../shared/session/can.ts';
import { AreaChooser } from './AreaChooser.tsx';
import { isNetworkFailure, mergeSave, queueKey, waitingCells, type QueuedSave } from './entry-queue.ts';
import { entryStore } from './entry-store.ts';
import {
  cellKey,
  cellOfIssue,
  cellText,
  cellsToSave,
  columnsOf,
  problemsOf,
  storedMap,
  withPaste,
  withText,
  withoutEdit,
  type Column,
  type Edit,
} from './grid-model.ts';
import { GridTable, type CellState } from './GridTable.tsx';
import { saveGrid, useGrid, type GridArea, type SaveAnswer } from './isian-api.ts';
import './isian.css';

/** How often waiting saves are tried again while online (besides the browser's online event). */
const RETRY_MS = 10_000;

const GROUPS = INDICATOR_GROUPS.map((g) => g.code);
const indicatorsOf = (group: string) => INDICATORS.filter((d) => d.group === group).map((d) => d.code as string);
const ym = (d: { year: number; month: number }) => `${d.year}-${String(d.month).padStart(2, '0')}`;

type Notice =
  | { kind: 'saved' | 'invalid'; outcome: ImportOutcomeDto; sent: GridSaveCell[]; queued: boolean }
  | { kind: 'conflict'; message: string; queued: boolean }
  | { kind: 'queued'; cells: number }
  | { kind: 'error'; error: unknown };

export default function IsianPage() {
  const t = useT();
  const [lang] = useLang();
  const user = useSessionUser();
  const permission = usePermission()('impor');
  const latest = useLatestMonth();
  const queryClient = useQueryClient();

  const [kabupaten, setKabupaten] = useState(() =>
    user ? (kabupatenOfScope(user) ?? ancestorAt(user.home, 'kabupaten') ?? '') : '',
  );
  const [area, setArea] = useState<GridArea | null>(() =>
    user?.scopePuskesmas ? { kind: 'puskesmas', kode: user.scopePuskesmas } : null,
  );
  const [period, setPeriod] = useState('');
  const [group, setGroup] = useState<string>('PWS KIA');
  const month = period || (latest ? ym(latest) : '');
  const indicators = useMemo(() => indicatorsOf(group), [group]);
  const columns = useMemo(() => columnsOf(indicators), [indicators]);
  const grid = useGrid(area, month, indicators);
  const stored = useMemo(() => storedMap(grid.data ?? { cells: [] }), [grid.data]);

  const [edits, setEdits] = useState<Map<string, Edit>>(new Map());
  const [conflicts, setConflicts] = useState<Map<string, GridConflict>>(new Map());
  const [serverIssues, setServerIssues] = useState<Map<string, { kind: 'error' | 'warning'; issue: ImportIssue }>>(
    new Map(),
  );
  const [notice, setNotice] = useState<Notice | null>(null);
  const [queue, setQueue] = useState<QueuedSave[]>([]);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [busy, setBusy] = useState(false);
  const areaCode = area?.kode ?? '';
  const gridKey = queueKey(areaCode, month);

  // A new grid starts clean, except for its saves still waiting (they show as typed, marked "menunggu"). The queue is
  // read from IndexedDB after the grid may already be on screen: what was typed meanwhile stays (it is newer), and the
  // read of a grid left before it answered is dropped (its cells are another month's or area's).
  useEffect(() => {
    setConflicts(new Map());
    setServerIssues(new Map());
    setEdits(new Map());
    let current = true;
    void entryStore
      .get(gridKey)
      .then((waiting) => {
        if (!current || !waiting?.cells.length) return;
        setEdits((typed) => {
          const next = new Map<string, Edit>();
          for (const c of waiting.cells)
            next.set(cellKey(c.kode, c.indicator), {
              numerator: c.numerator,
              denominator: c.denominator,
              base: c.base,
            });
          for (const [key, edit] of typed) next.set(key, edit);
          return next;
        });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [gridKey]);

  const refreshQueue = useCallback(async () => setQueue(await entryStore.all().catch(() => [])), []);

  /** The answer of a save (sent now or from the queue) shown on the grid it belongs to. */
  const apply = useCallback(
    (answer: SaveAnswer, body: GridSaveBody, queued: boolean) => {
      const mine = body.area === areaCode && body.period === month;
      if (answer.kind === 'conflict') {
        if (mine) setConflicts(new Map(answer.conflicts.map((c) => [cellKey(c.kode, c.indicator), c])));
        setNotice({ kind: 'conflict', message: answer.message, queued });
        return;
      }
      const issues = new Map<string, { kind: 'error' | 'warning'; issue: ImportIssue }>();
      for (const [kind, list] of [
        ['warning', answer.outcome.warnings],
        ['error', answer.outcome.errors],
      ] as const) {
        for (const issue of list) {
          const cell = cellOfIssue(body.cells, issue.row);
          if (cell) issues.set(cellKey(cell.kode, cell.indicator), { kind, issue: issue as ImportIssue });
        }
      }
      if (mine) {
        setServerIssues(issues);
        setConflicts(new Map());
        if (answer.kind === 'saved') {
          // Saved: the sent cells are the stored values now (typed again since: kept).
          setEdits((current) => {
            const next = new Map(current);
            for (const c of body.cells) {
              const e = next.get(cellKey(c.kode, c.indicator));
              if (e && e.numerator === c.numerator && e.denominator === c.denominator)
                next.delete(cellKey(c.kode, c.indicator));
            }
            return next;
          });
        }
      }
      if (answer.kind === 'saved') void queryClient.invalidateQueries();
      setNotice({ kind: answer.kind, outcome: answer.outcome, sent: body.cells, queued });
    },
    [areaCode, month, queryClient],
  );

  /** Sends every waiting save, oldest first; stops at the first network failure (still offline). */
  const flushing = useRef(false);
  const flush = useCallback(async () => {
    if (flushing.current || !navigator.onLine) return;
    flushing.current = true;
    try {
      for (const waiting of (await entryStore.all()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))) {
        const body: GridSaveBody = { area: waiting.area, period: waiting.period, cells: waiting.cells };
        let answer: SaveAnswer;
        try {
          answer = await saveGrid(body);
        } catch (error) {
          if (isNetworkFailure(error, navigator.onLine)) break;
          setNotice({ kind: 'error', error });
          break;
        }
        // Answered (saved, refused or in conflict): it no longer waits; a refusal or conflict stays on the grid to fix.
        await entryStore.remove(waiting.key);
        apply(answer, body, true);
      }
    } finally {
      flushing.current = false;
      await refreshQueue();
    }
  }, [apply, refreshQueue]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      void flush();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    void refreshQueue().then(flush);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [flush, refreshQueue]);
  const waiting = waitingCells(queue);
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, flush]);

  const localProblems = useMemo(() => {
    const map = new Map<string, ReturnType<typeof problemsOf>>();
    for (const cell of cellsToSave(edits, stored)) {
      const p = problemsOf(cell.indicator, cell);
      if (p.length) map.set(cellKey(cell.kode, cell.indicator), p);
    }
    return map;
  }, [edits, stored]);
  const toSave = cellsToSave(edits, stored);
  const queuedHere = queue.find((q) => q.key === gridKey);
  // Cells already waiting with the same value are not "unsaved": typing again after queueing makes them so.
  const unsent = toSave.filter(
    (c) =>
      !queuedHere?.cells.some(
        (q) =>
          q.kode === c.kode &&
          q.indicator === c.indicator &&
          q.numerator === c.numerator &&
          q.denominator === c.denominator,
      ),
  );

  const save = async () => {
    if (!area || !unsent.length || localProblems.size) return;
    const body: GridSaveBody = { area: area.kode, period: month, cells: toSave };
    const enqueue = async () => {
      const merged = mergeSave(await entryStore.get(gridKey), body, new Date());
      await entryStore.put(merged);
      await refreshQueue();
      setNotice({ kind: 'queued', cells: merged.cells.length });
      if (navigator.onLine) void flush();
    };
    setBusy(true);
    try {
      // Something of this grid already waits: join it, so the order of the cells' changes is kept.
      if (!navigator.onLine || queuedHere) return await enqueue();
      try {
        apply(await saveGrid(body), body, false);
      } catch (error) {
        if (isNetworkFailure(error, navigator.onLine)) await enqueue();
        else setNotice({ kind: 'error', error });
      }
    } finally {
      setBusy(false);
    }
  };

  const resolve = (key: string, choice: 'mine' | 'theirs') => {
    const conflict = conflicts.get(key);
    if (!conflict) return;
    setEdits((current) => {
      const next = new Map(current);
      const edit = next.get(key);
      if (choice === 'theirs') next.delete(key);
      // Keep my value, knowingly over the value stored now: that becomes its base.
      else if (edit)
        next.set(key, {
          ...edit,
          base: { numerator: conflict.current.numerator, denominator: conflict.current.denominator },
        });
      return next;
    });
    setConflicts((current) => {
      const next = new Map(current);
      next.delete(key);
      return next;
    });
    void grid.refetch();
  };

  const stateOf = (kode: string, column: Column): { state: CellState; note?: string } => {
    const key = cellKey(kode, column.indicator);
    const conflict = conflicts.get(key);
    if (conflict) return { state: 'conflict', note: conflictText(conflict) };
    const problem = localProblems.get(key)?.find((p) => p.part === column.part);
    if (problem) return { state: 'error', note: problem.message };
    const server = serverIssues.get(key);
    if (server && edits.has(key)) return { state: server.kind, note: server.issue.message };
    if (edits.has(key)) {
      const sent = queuedHere?.cells.some((c) => cellKey(c.kode, c.indicator) === key);
      return { state: sent ? 'pending' : 'edited' };
    }
    if (server?.kind === 'warning') return { state: 'warning', note: server.issue.message };
    const s = stored.get(key);
    if (!s || s[column.part] === null) return { state: 'empty' };
    return { state: s.simulated ? 'simulated' : 'stored', note: s.simulated ? t('isian.legend.simulated') : undefined };
  };

  const desaName = (kode: string) => grid.data?.desa.find((d) => d.kode === kode)?.nama ?? kode;
  const conflictText = (c: GridConflict) =>
    t('isian.conflict.cell', {
      desa: desaName(c.kode),
      indicator: getIndicator(c.indicator)?.short ?? c.indicator,
      mine: pairText(c.mine),
      current: pairText(c.current),
      base: pairText(c.base),
      who: c.current.oleh ?? '—',
      load: c.current.loadId ?? '—',
    });

  if (!user)
    return (
      <main className="page isi-page">
        <NotAllowed permission={permission} capability="impor" testId="isian-not-allowed" />
      </main>
    );
  if (!permission.ok) {
    return (
      <main className="page isi-page">
        <p className="not-allowed" data-testid="isian-not-allowed">
          {t('isian.notAllowed', { role: roleLabel(user.role, lang) })}
        </p>
      </main>
    );
  }

  return (
    <main className="page isi-page" data-testid="page-isian">
      <div className="page-intro isi-intro">
        <div className="page-intro__text">
          <h2>{t('isian.title')}</h2>
          <p>{t('isian.lead')}</p>
        </div>
        <p className="page-intro__who">{t('isian.who', { username: user.username, scope: user.scopeLabel })}</p>
      </div>

      <div className="isi-controls">
        {user.scopePuskesmas ? (
          <p className="isi-fixed-area" data-testid="isian-area-fixed">
            {t('isian.area.own', { nama: grid.data?.area.nama ?? user.scopeLabel })}
          </p>
        ) : (
          <AreaChooser user={user} kabupaten={kabupaten} onKabupaten={setKabupaten} area={area} onArea={setArea} />
        )}
        <div className="field isi-field">
          <label htmlFor="isian-month">{t('isian.month')}</label>
          <input
            id="isian-month"
            className="isi-text"
            type="month"
            value={month}
            max={latest ? ym(latest) : undefined}
            onChange={(e) => setPeriod(e.target.value)}
            data-testid="isian-month"
          />
        </div>
        <div className="field isi-field">
          <label htmlFor="isian-group">{t('isian.group')}</label>
          <select id="isian-group" value={group} onChange={(e) => setGroup(e.target.value)} data-testid="isian-group">
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {INDICATOR_GROUPS.find((x) => x.code === g)![lang === 'en' ? 'labelEn' : 'labelId']}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="isi-status" role="status" aria-live="polite">
        {!online && (
          <span className="isi-badge isi-badge--offline" data-testid="isian-offline">
            {t('isian.offline')}
          </span>
        )}
        {waiting > 0 && (
          <span className="isi-badge isi-badge--queue" data-testid="isian-queue">
            {t('isian.queue', { n: waiting })}
          </span>
        )}
        {unsent.length > 0 && (
          <span className="isi-badge" data-testid="isian-unsaved">
            {t('isian.unsaved', { n: unsent.length })}
          </span>
        )}
      </div>

      <Loaded
        query={grid}
        idle={
          !area && (
            <p className="isi-hint" data-testid="isian-area-needed">
              {t('isian.area.needed')}
            </p>
          )
        }
      >
        {(data) =>
          data.desa.length === 0 ? (
            <p className="isi-hint isi-hint--warn" data-testid="isian-no-desa">
              {t(area?.kind === 'puskesmas' ? 'isian.noDesaPuskesmas' : 'isian.noDesa')}
            </p>
          ) : (
            <>
              <p className="isi-help" id="isian-keys">
                {t('isian.keys')}
              </p>
              <GridTable
                desa={data.desa}
                columns={columns}
                textOf={(kode, column) => cellText(edits, stored, kode, column)}
                stateOf={stateOf}
                onCommit={(kode, column, text) => setEdits((e) => withText(e, stored, kode, column, text))}
                onRevert={(kode, column) => setEdits((e) => withoutEdit(e, kode, column.indicator))}
                onPaste={(origin, block) =>
                  setEdits(
                    (e) =>
                      withPaste(
                        e,
                        stored,
                        data.desa.map((d) => d.kode),
                        columns,
                        origin,
                        block,
                      ).edits,
                  )
                }
              />
              <p className="isi-legend">
                <span className="isi-swatch isi-cell--simulated">12</span> {t('isian.legend.simulated')}
                <span className="isi-swatch isi-cell--edited">12</span> {t('isian.legend.edited')}
                <span className="isi-swatch isi-cell--pending">12</span> {t('isian.legend.pending')}
                <span className="isi-swatch isi-cell--error">12</span> {t('isian.legend.error')}
                <span className="isi-swatch isi-cell--warning">12</span> {t('isian.legend.warning')}
              </p>
            </>
          )
        }
      </Loaded>

      {localProblems.size > 0 && (
        <section className="isi-list isi-list--error" data-testid="isian-problems">
          <h3>{t('isian.problems', { n: localProblems.size })}</h3>
          <ul>
            {[...localProblems].map(([key, problems]) =>
              problems.map((p) => (
                <li key={`${key}-${p.part}`}>
                  {desaName(key.split('|')[0]!)} · {key.split('|')[1]} (
                  {t(p.part === 'numerator' ? 'isian.grid.numerator' : 'isian.grid.denominator')}): {p.message}
                </li>
              )),
            )}
          </ul>
        </section>
      )}

      {conflicts.size > 0 && (
        <section className="isi-list isi-list--conflict" data-testid="isian-conflicts">
          <h3>{t('isian.conflict.title', { n: conflicts.size })}</h3>
          <ul>
            {[...conflicts].map(([key, c]) => (
              <li key={key} data-testid={`conflict-${c.kode}-${c.indicator}`}>
                <span>{conflictText(c)}</span>
                <button type="button" className="button button--ghost" onClick={() => resolve(key, 'mine')}>
                  {t('isian.conflict.mine', { value: pairText(c.mine) })}
                </button>
                <button type="button" className="button button--ghost" onClick={() => resolve(key, 'theirs')}>
                  {t('isian.conflict.theirs', { value: pairText(c.current) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {grid.data && grid.data.desa.length > 0 && (
        <div className="isi-actions">
          <button
            type="button"
            className="button"
            disabled={busy || !unsent.length || localProblems.size > 0 || conflicts.size > 0}
            onClick={() => void save()}
            data-testid="isian-save"
          >
            {unsent.length ? t('isian.save', { n: unsent.length }) : t('isian.saveIdle')}
          </button>
          {notice && <NoticeText notice={notice} />}
        </div>
      )}
    </main>
  );
}

const pairText = (p: { numerator: number | null; denominator: number | null }) =>
  p.numerator === null
    ? '—'
    : `${p.numerator.toLocaleString('id-ID')}${p.denominator === null ? '' : ` / ${p.denominator.toLocaleString('id-ID')}`}`;

function NoticeText({ notice }: { notice: Notice }) {
  const t = useT();
  if (notice.kind === 'queued')
    return (
      <p className="isi-notice isi-notice--queued" data-testid="isian-notice" data-kind="queued">
        {t('isian.notice.queued', { n: notice.cells })}
      </p>
    );
  if (notice.kind === 'error')
    return (
      <div className="isi-notice" data-testid="isian-notice" data-kind="error">
        <ErrorMessage error={notice.error} />
      </div>
    );
  if (notice.kind === 'conflict')
    return (
      <p className="isi-notice isi-notice--conflict" data-testid="isian-notice" data-kind="conflict">
        {notice.message}
      </p>
    );
  const { outcome } = notice;
  return (
    <div className={`isi-notice isi-notice--${notice.kind}`} data-testid="isian-notice" data-kind={notice.kind}>
      <p>
        {notice.queued ? t('isian.notice.fromQueue') : ''}
        {outcome.message}
      </p>
      {notice.kind === 'saved' && outcome.loadId !== null && (
        <p className="isi-hint">{t('isian.notice.undo', { id: outcome.loadId })}</p>
      )}
      {[...outcome.errors, ...outcome.warnings].length > 0 && (
        <ul>
          {[...outcome.errors, ...outcome.warnings].slice(0, 20).map((i, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of messages (several may be equal).
            <li key={n}>
              {i.column}: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
