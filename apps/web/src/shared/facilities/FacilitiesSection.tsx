// Pustu and Posyandu of the desa on its profile, in plain words ("1 Pustu: 1 perawat, 1 bidan"; "3 Posyandu, 2
// ber-SK LKD, 14 kader (6 tersertifikasi)"), "Belum diisi" when nobody has entered them (unknown, not zero), the
// simulasi tag, who changed them last — and "Ubah" for those who may (the puskesmas holding the desa, the dinkes,
// the admin: capability kesiapan on the desa), which edits and saves the whole lists.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Facilities } from '@peta/domain/contract';
import { ApiRequestError } from '../../api/client.ts';
import { useLang, useT, type TFunction } from '../../i18n/i18n.tsx';
import { usePermission } from '../session/use-permission.tsx';
import { Loading } from '../status/StatusMessage.tsx';
import { useFacilities, useSaveFacilities } from './facilities-api.ts';
import {
  checkDraft,
  draftOf,
  facilitiesTotals,
  NEW_POSYANDU,
  NEW_PUSTU,
  type DraftProblem,
  type FacilitiesDraft,
  type PosyanduDraft,
  type PustuDraft,
} from './facilities-model.ts';
import './facilities.css';

const errorMessage = (error: unknown) =>
  error instanceof ApiRequestError ? (error.apiMessage ?? error.code) : String((error as Error)?.message ?? error);

export function FacilitiesSection({ kode }: { kode: string }) {
  const t = useT();
  const facilities = useFacilities(kode);
  const mayEdit = usePermission()('kesiapan', { wilayah: kode }).ok;
  const [editing, setEditing] = useState(false);
  const f = facilities.data;
  return (
    <section className="desa-panel__fasilitas" data-testid="desa-fasilitas" aria-labelledby="desa-fasilitas-heading">
      <div className="fasilitas__head">
        <h3 id="desa-fasilitas-heading">{t('fasilitas.heading')}</h3>
        {f?.simulated && (
          <span className="tag tag--sim" title={t('fasilitas.simulatedTitle')} data-testid="fasilitas-simulated">
            {t('simulated.row')}
          </span>
        )}
        {f && mayEdit && !editing && (
          <button
            type="button"
            className="button button--ghost fasilitas__edit"
            onClick={() => setEditing(true)}
            data-testid="fasilitas-edit"
          >
            {t('fasilitas.edit')}
          </button>
        )}
      </div>
      {facilities.isPending && <Loading message={t('fasilitas.loading')} />}
      {facilities.error && (
        <p className="note" role="alert">
          {t('fasilitas.error', { message: errorMessage(facilities.error) })}
        </p>
      )}
      {f &&
        (editing ? (
          <FacilitiesForm kode={kode} facilities={f} onDone={() => setEditing(false)} />
        ) : (
          <FacilitiesSummary facilities={f} />
        ))}
    </section>
  );
}

function FacilitiesSummary({ facilities: f }: { facilities: Facilities }) {
  const t = useT();
  const [lang] = useLang();
  const total = facilitiesTotals(f);
  return (
    <>
      {f.known ? (
        <ul className="fasilitas__summary">
          <li data-testid="fasilitas-pustu">
            {total.pustu === 0
              ? t('fasilitas.pustuNone')
              : t('fasilitas.pustu', { n: total.pustu, perawat: total.perawat, bidan: total.bidan })}
          </li>
          <li data-testid="fasilitas-posyandu">
            {total.posyandu === 0
              ? t('fasilitas.posyanduNone')
              : t('fasilitas.posyandu', {
                  n: total.posyandu,
                  sk: total.sk,
                  kader: total.kader,
                  tersertifikasi: total.kaderTersertifikasi,
                })}
          </li>
        </ul>
      ) : (
        <p className="fasilitas__unknown" data-testid="fasilitas-unknown">
          <strong>{t('fasilitas.unknown')}</strong> — {t('fasilitas.unknownHelp')}
        </p>
      )}
      {total.pustu + total.posyandu > 1 && (
        <details className="fasilitas__details">
          <summary>{t('fasilitas.details')}</summary>
          <ul>
            {f.pustu.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list; a Pustu without a name is known by its position.
              <li key={`p${i}`}>
                {t('fasilitas.pustuDetail', {
                  nama: p.nama ?? t('fasilitas.pustuRow', { n: i + 1 }),
                  perawat: p.perawat,
                  bidan: p.bidan,
                })}
              </li>
            ))}
            {f.posyandu.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list; a Posyandu without a name is known by its position.
              <li key={`y${i}`}>
                {t('fasilitas.posyanduDetail', {
                  nama: [p.nama ?? t('fasilitas.posyanduRow', { n: i + 1 }), p.lokasi].filter(Boolean).join(', '),
                  kader: p.kader,
                  tersertifikasi: p.kaderTersertifikasi,
                })}
                {p.sk && <span className="tag">{t('fasilitas.skTag')}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {f.lastChange && (
        <p className="muted fasilitas__last" data-testid="fasilitas-last-change">
          {t('fasilitas.lastChange', { oleh: f.lastChange.oleh, tanggal: timeText(f.lastChange.at, lang) })}
        </p>
      )}
    </>
  );
}

const timeText = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeStyle: 'short' });

function problemText(p: DraftProblem, t: TFunction): string {
  const baris = t(p.list === 'pustu' ? 'fasilitas.pustuRow' : 'fasilitas.posyanduRow', { n: p.row });
  if (p.kind === 'certifiedAboveKader')
    return t('fasilitas.problemCertified', { baris, kader: p.kader, tersertifikasi: p.kaderTersertifikasi });
  return t('fasilitas.problemCount', { baris, field: t(`fasilitas.field.${p.field}`).toLocaleLowerCase(), max: p.max });
}

type ListName = keyof FacilitiesDraft;
type CountField = 'perawat' | 'bidan' | 'kader' | 'kaderTersertifikasi';

function FacilitiesForm({ kode, facilities, onDone }: { kode: string; facilities: Facilities; onDone: () => void }) {
  const t = useT();
  const save = useSaveFacilities(kode);
  const [draft, setDraft] = useState<FacilitiesDraft>(() => draftOf(facilities));
  // Problems show once a save was tried, then follow the typing (a field fixed loses its message at once).
  const [tried, setTried] = useState(false);
  const checked = checkDraft(draft);
  const problems = tried ? checked.problems : [];

  const rows = <L extends ListName>(list: L, change: (rows: FacilitiesDraft[L]) => FacilitiesDraft[L]) =>
    setDraft((d) => ({ ...d, [list]: change(d[list]) }));
  const update = <L extends ListName>(list: L, i: number, patch: Partial<FacilitiesDraft[L][number]>) =>
    rows(list, (r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)) as FacilitiesDraft[L]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (checked.body) save.mutate(checked.body, { onSuccess: onDone });
  };
  const count = <L extends ListName>(
    list: L,
    i: number,
    field: CountField & keyof FacilitiesDraft[L][number],
    value: string,
  ) => (
    <label className="fasilitas__count">
      {t(`fasilitas.field.${field}`)}
      <input
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        value={value}
        aria-invalid={problems.some((p) => p.list === list && p.row === i + 1 && p.field === field)}
        onChange={(e) => update(list, i, { [field]: e.target.value } as Partial<FacilitiesDraft[L][number]>)}
        data-testid={`fasilitas-${field}`}
      />
    </label>
  );
  const listProps = <L extends ListName>(list: L, fresh: FacilitiesDraft[L][number]) => ({
    list,
    rows: draft[list] as FacilitiesDraft[L][number][],
    onAdd: () => rows(list, (r) => [...r, fresh] as FacilitiesDraft[L]),
    onRemove: (i: number) => rows(list, (r) => r.filter((_, j) => j !== i) as FacilitiesDraft[L]),
  });

  return (
    <form className="fasilitas__form" onSubmit={submit} noValidate data-testid="fasilitas-form">
      <RowList {...listProps('pustu', NEW_PUSTU)}>
        {(p: PustuDraft, i) => (
          <>
            <label>
              {t('fasilitas.nama')}
              <input value={p.nama} maxLength={200} onChange={(e) => update('pustu', i, { nama: e.target.value })} />
            </label>
            <div className="fasilitas__counts">
              {count('pustu', i, 'perawat', p.perawat)}
              {count('pustu', i, 'bidan', p.bidan)}
            </div>
          </>
        )}
      </RowList>
      <RowList {...listProps('posyandu', NEW_POSYANDU)}>
        {(p: PosyanduDraft, i) => (
          <>
            <label>
              {t('fasilitas.nama')}
              <input value={p.nama} maxLength={200} onChange={(e) => update('posyandu', i, { nama: e.target.value })} />
            </label>
            <label>
              {t('fasilitas.lokasi')}
              <input
                value={p.lokasi}
                maxLength={200}
                onChange={(e) => update('posyandu', i, { lokasi: e.target.value })}
              />
            </label>
            <label className="fasilitas__check">
              <input
                type="checkbox"
                checked={p.sk}
                onChange={(e) => update('posyandu', i, { sk: e.target.checked })}
                data-testid="fasilitas-sk"
              />
              {t('fasilitas.sk')}
            </label>
            <div className="fasilitas__counts">
              {count('posyandu', i, 'kader', p.kader)}
              {count('posyandu', i, 'kaderTersertifikasi', p.kaderTersertifikasi)}
            </div>
          </>
        )}
      </RowList>
      {problems.length > 0 && (
        <ul className="fasilitas__problems" role="alert" data-testid="fasilitas-problems">
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of messages, rebuilt on each check.
            <li key={i}>{problemText(p, t)}</li>
          ))}
        </ul>
      )}
      {save.error && (
        <p className="fasilitas__problems" role="alert" data-testid="fasilitas-save-error">
          {t('fasilitas.saveError', { message: errorMessage(save.error) })}
        </p>
      )}
      <div className="fasilitas__buttons">
        <button type="submit" className="button" disabled={save.isPending} data-testid="fasilitas-save">
          {save.isPending ? t('fasilitas.saving') : t('fasilitas.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('fasilitas.cancel')}
        </button>
      </div>
    </form>
  );
}

/** One list of the form (Pustu or Posyandu): numbered rows, each removable, and a button adding one. */
function RowList<T>({
  list,
  rows,
  onAdd,
  onRemove,
  children,
}: {
  list: ListName;
  rows: T[];
  onAdd: () => void;
  onRemove: (i: number) => void;
  children: (row: T, i: number) => ReactNode;
}) {
  const t = useT();
  const [legend, rowKey, addKey] =
    list === 'pustu'
      ? (['Pustu', 'fasilitas.pustuRow', 'fasilitas.addPustu'] as const)
      : (['Posyandu', 'fasilitas.posyanduRow', 'fasilitas.addPosyandu'] as const);
  return (
    <fieldset>
      <legend>{legend}</legend>
      {rows.length === 0 && <p className="muted">{t('fasilitas.emptyList')}</p>}
      {rows.map((row, i) => {
        const baris = t(rowKey, { n: i + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position ("Pustu 2"); its inputs are controlled, so the values follow the state.
          <div key={i} className="fasilitas__row" data-testid={`fasilitas-${list}-row`}>
            <div className="fasilitas__row-head">
              <b>{baris}</b>
              <button
                type="button"
                className="button button--ghost"
                aria-label={t('fasilitas.removeLabel', { baris })}
                onClick={() => onRemove(i)}
              >
                {t('fasilitas.remove')}
              </button>
            </div>
            {children(row, i)}
          </div>
        );
      })}
      <button type="button" className="button button--ghost" onClick={onAdd} data-testid={`fasilitas-add-${list}`}>
        {t(addKey)}
      </button>
    </fieldset>
  );
}
