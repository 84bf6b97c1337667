// Pure helpers of the meetings page: the steps of meeting mode, keyboard and swipe navigation, the participants
// text, the default period, the map colours. Unit-tested (meeting-model.test.ts).
import { PALETTE, type AttainmentClass } from '@peta/domain';
import type { Agenda, AgendaDesa, Peserta } from '@peta/domain/contract';

export type Step =
  | { kind: 'overview'; key: 'ringkasan' }
  | { kind: 'desa'; key: `desa:${string}`; desa: AgendaDesa; index: number }
  | { kind: 'actions'; key: 'tindak-lanjut' };

/** The map and the lists, then each desa in the agenda's order, then the list of actions. */
export function meetingSteps(agenda: Pick<Agenda, 'desa'>): Step[] {
  return [
    { kind: 'overview', key: 'ringkasan' },
    ...agenda.desa.map((desa, index) => ({ kind: 'desa' as const, key: `desa:${desa.kode}` as const, desa, index })),
    { kind: 'actions', key: 'tindak-lanjut' },
  ];
}

export type NavCommand = { go: number } | 'close' | null;

/** Keyboard of meeting mode (presenter remotes send PageUp/PageDown). Keys typed into a form are not commands. */
export function commandForKey(key: string, current: number, total: number, inField = false): NavCommand {
  if (key === 'Escape') return 'close';
  if (inField) return null;
  const last = total - 1;
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return { go: Math.min(last, current + 1) };
    case 'ArrowLeft':
    case 'PageUp':
      return { go: Math.max(0, current - 1) };
    case 'Home':
      return { go: 0 };
    case 'End':
      return { go: last };
    default:
      return null;
  }
}

/** A horizontal swipe of at least 60 px, clearly more sideways than up/down: −1 back, +1 forward, 0 none. */
export function swipeStep(dx: number, dy: number): -1 | 0 | 1 {
  if (Math.abs(dx) < 60 || Math.abs(dx) < 1.5 * Math.abs(dy)) return 0;
  return dx < 0 ? 1 : -1;
}

/** "dr. Rina, Kepala Puskesmas" per line → [{ nama, peran }]; empty lines dropped, the role may be absent. */
export function parsePeserta(text: string): Peserta[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const i = line.indexOf(',');
      return i < 0 ? { nama: line, peran: '' } : { nama: line.slice(0, i).trim(), peran: line.slice(i + 1).trim() };
    })
    .filter((p) => p.nama);
}

/** Fill colour per desa kode for one indicator (attainment classes, the map's palette). */
export function classFills(agenda: Pick<Agenda, 'desa'>, indicator: string | null): Map<string, string> {
  return new Map(
    agenda.desa.map((d) => {
      const cls: AttainmentClass | 'disembunyikan' =
        (indicator && d.values.find((v) => v.indicator === indicator)?.class) || 'no-data';
      return [d.kode, PALETTE.attainment[cls]];
    }),
  );
}

/** A desa's indicators, weakest first (lowest attainment; no data last). */
export function weakestFirst<T extends { attainment: number | null }>(values: readonly T[]): T[] {
  return [...values].sort((a, b) => (a.attainment ?? Infinity) - (b.attainment ?? Infinity));
}

/** The most common "reported of expected" of a desa's indicators, when reports are missing; null when complete. */
export function missingReports(
  values: readonly { reported: number; expectedReports: number }[],
): { reported: number; expected: number } | null {
  const counts = new Map<string, number>();
  for (const v of values)
    counts.set(`${v.reported}/${v.expectedReports}`, (counts.get(`${v.reported}/${v.expectedReports}`) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!top) return null;
  const [reported, expected] = top.split('/').map(Number) as [number, number];
  return reported < expected ? { reported, expected } : null;
}
