// What a meeting is about: one kecamatan (?wilayah=12.10.09) or the wilayah kerja of one puskesmas
// (?puskesmas=1010453: the desa it held on the meeting date, possibly in several kecamatan). From that: the write
// the server checks (kecamatan or puskesmas), the list URL, the puskesmas picked by default, and the map — only the
// meeting's desa, cut from the kecamatan's children or from all desa of the puskesmas' kabupaten. Pure apart from
// the injected fetchers; unit-tested (meeting-area.test.ts).
import {
  childrenGeometryPath,
  type CreateMeeting,
  type MeetingSummary,
  type PuskesmasList,
  type SessionUser,
} from '@peta/domain/contract';
import { ancestorAt, type Target } from '@peta/domain';
import type { WilayahFeatureCollection } from '../../api/queries.ts';

export type MeetingArea = { kind: 'kecamatan'; kode: string } | { kind: 'puskesmas'; kode: string; kabupaten: string };

/** The area of a stored meeting: wilayahKode is the kecamatan, or for a puskesmas meeting its kabupaten. */
export function areaOfMeeting(m: Pick<MeetingSummary, 'puskesmasKode' | 'wilayahKode'>): MeetingArea {
  return m.puskesmasKode
    ? { kind: 'puskesmas', kode: m.puskesmasKode, kabupaten: m.wilayahKode }
    : { kind: 'kecamatan', kode: m.wilayahKode };
}

/** What a write to the area's meetings touches, as the server checks it (meetings-service targetOfMeeting). */
export function targetOfArea(area: MeetingArea): Target {
  return area.kind === 'puskesmas' ? { puskesmas: area.kode, kabupaten: area.kabupaten } : { wilayah: area.kode };
}

/** The one of `wilayah` and `puskesmas` POST /api/rapat takes. */
export function createFieldsOf(area: MeetingArea): Pick<CreateMeeting, 'wilayah' | 'puskesmas'> {
  return area.kind === 'puskesmas' ? { puskesmas: area.kode } : { wilayah: area.kode };
}

export function listPathOf(area: MeetingArea): string {
  return `/api/rapat?${area.kind === 'puskesmas' ? 'puskesmas' : 'wilayah'}=${encodeURIComponent(area.kode)}`;
}

/**
 * The puskesmas shown when the user switches to "Wilayah kerja puskesmas" without choosing one: a puskesmas user's
 * own; otherwise the one holding most desa of the kecamatan on screen (ties: the lower kode); else none.
 */
export function defaultPuskesmas(
  user: Pick<SessionUser, 'role' | 'scopePuskesmas'> | null,
  list: Pick<PuskesmasList, 'desa'> | undefined,
  kecamatan: string | null,
): string | null {
  if (user?.role === 'puskesmas' && user.scopePuskesmas) return user.scopePuskesmas;
  if (!list || !kecamatan) return null;
  const counts = new Map<string, number>();
  for (const d of list.desa) {
    if (d.puskesmas && ancestorAt(d.kode, 'kecamatan') === kecamatan)
      counts.set(d.puskesmas, (counts.get(d.puskesmas) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** Title of the meeting's map (PNG for WhatsApp): "Kecamatan Bilah Hulu" or "Wilayah kerja Puskesmas Perbaungan". */
export function areaTitle(
  m: Pick<MeetingSummary, 'puskesmasKode'> & { agenda: { wilayah: { nama: string } } },
): string {
  const nama = m.agenda.wilayah.nama;
  return m.puskesmasKode ? `Wilayah kerja ${nama}` : `Kecamatan ${nama.replace(/^kecamatan\s+/i, '')}`;
}

/** The area in a file name: the kecamatan kode, or pkm-KODE. */
export const areaFileKode = (m: Pick<MeetingSummary, 'puskesmasKode' | 'wilayahKode'>) =>
  m.puskesmasKode ? `pkm-${m.puskesmasKode}` : m.wilayahKode;

// ---- the meeting's map ------------------------------------------------------------------------------------

type MeetingShape = Pick<MeetingSummary, 'puskesmasKode' | 'wilayahKode' | 'desaKodes'>;

/** Polygons to fetch: the kecamatan's children, or every desa of the puskesmas' kabupaten (both immutable URLs). */
export function geometryPathOf(m: MeetingShape, version: string): string {
  return m.puskesmasKode
    ? `/api/geometry/${encodeURIComponent(version)}/${m.wilayahKode}/desa.geojson`
    : childrenGeometryPath(version, m.wilayahKode);
}

/** The distinct kecamatan of the meeting's desa, in order of first appearance. */
export function kecamatanOfDesa(desaKodes: readonly string[]): string[] {
  return [...new Set(desaKodes.flatMap((d) => ancestorAt(d, 'kecamatan') ?? []))];
}

export function onlyDesa(geometry: WilayahFeatureCollection, desaKodes: readonly string[]): WilayahFeatureCollection {
  const wanted = new Set(desaKodes);
  return { ...geometry, features: geometry.features.filter((f) => wanted.has(f.properties.kode)) };
}

/** The meeting's desa polygons (only those: a puskesmas meeting never draws the rest of the kabupaten). */
export async function meetingGeometry(
  m: MeetingShape,
  version: string,
  get: (path: string) => Promise<WilayahFeatureCollection>,
): Promise<WilayahFeatureCollection> {
  return onlyDesa(await get(geometryPathOf(m, version)), m.desaKodes);
}

export type LabelRows = [string, [number, number] | null][];

/** Label points of the meeting's desa, from the children of each kecamatan they lie in. */
export async function meetingLabels(
  m: MeetingShape,
  children: (kecamatan: string) => Promise<readonly { kode: string; label: [number, number] | null }[]>,
): Promise<LabelRows> {
  const wanted = new Set(m.desaKodes);
  const lists = await Promise.all(kecamatanOfDesa(m.desaKodes).map(children));
  return lists
    .flat()
    .filter((c) => wanted.has(c.kode))
    .map((c) => [c.kode, c.label]);
}
