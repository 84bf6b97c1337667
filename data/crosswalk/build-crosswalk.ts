// Builds the kode crosswalk to Kepmendagri 2025, the edition of the boundaries (packages/server-core/src/imports/
// crosswalk/kepmendagri-2025.json), read by every import (crosswalk model: packages/domain/src/exchange/crosswalk.ts).
// Sources and method: data/README.md "Padanan kode". Run by hand when an edition changes:
//   for v in 3.0.0 3.1.2; do npm pack idn-area-data@$v && mkdir -p /tmp/idn-$v && tar xzf idn-area-data-$v.tgz -C /tmp/idn-$v; done
//   pnpm --filter @peta/data exec tsx crosswalk/build-crosswalk.ts /tmp/idn-3.0.0/package/data /tmp/idn-3.1.2/package/data
// idn-area-data 3.0.0 (Kepmendagri 2022: Papua Selatan, Tengah, Pegunungan already split off, Papua Barat Daya not yet)
// and 3.1.2 (a later edition: Papua Barat Daya with its first numbering) against the pinned 4.0.1. Nothing of the
// boundary data is read or written.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { desaNameKey, validateCrosswalk, type CrosswalkEntry } from '@peta/domain';

const OUT = join(import.meta.dirname, '../../packages/server-core/src/imports/crosswalk/kepmendagri-2025.json');

/**
 * Papua (91) → Papua Selatan (93), Papua Tengah (94), Papua Pegunungan (95), UU 14–16/2022. The old codes are the
 * Permendagri 72/2019 numbering of Papua; no list the repository has still holds them, so they are written here: each is
 * one of the 20 codes missing from 91 in idn-area-data 3.0.0 and 4.0.1, and the new numbers follow the old order
 * within each province (checked below against the names of the new codes).
 */
const PAPUA_2022: readonly [lama: string, baru: string, nama: string][] = [
  ['91.01', '93.01', 'MERAUKE'],
  ['91.16', '93.02', 'BOVEN DIGOEL'],
  ['91.17', '93.03', 'MAPPI'],
  ['91.18', '93.04', 'ASMAT'],
  ['91.04', '94.01', 'NABIRE'],
  ['91.07', '94.02', 'PUNCAK JAYA'],
  ['91.08', '94.03', 'PANIAI'],
  ['91.09', '94.04', 'MIMIKA'],
  ['91.25', '94.05', 'PUNCAK'],
  ['91.26', '94.06', 'DOGIYAI'],
  ['91.27', '94.07', 'INTAN JAYA'],
  ['91.28', '94.08', 'DEIYAI'],
  ['91.02', '95.01', 'JAYAWIJAYA'],
  ['91.12', '95.02', 'PEGUNUNGAN BINTANG'],
  ['91.13', '95.03', 'YAHUKIMO'],
  ['91.14', '95.04', 'TOLIKARA'],
  ['91.21', '95.05', 'MAMBERAMO TENGAH'],
  ['91.22', '95.06', 'YALIMO'],
  ['91.23', '95.07', 'LANNY JAYA'],
  ['91.24', '95.08', 'NDUGA'],
];

type Row = { kode: string; parent: string; nama: string };
function readCsv(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const m = /^([^,]+),([^,]*),"?(.*?)"?$/.exec(line)!;
      return { kode: m[1]!, parent: m[2]!, nama: m[3]!.toUpperCase() };
    });
}

const [oldDir, laterDir] = process.argv.slice(2);
if (!oldDir || !laterDir)
  throw new Error('Usage: build-crosswalk.ts <idn-area-data-3.0.0/data> <idn-area-data-3.1.2/data>');
const newDir = join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
const level = (dir: string, file: string) => readCsv(join(dir, file));
const [oldKab, newKab] = [level(oldDir, 'regencies.csv'), level(newDir, 'regencies.csv')];
const [oldKec, newKec] = [level(oldDir, 'districts.csv'), level(newDir, 'districts.csv')];
const [oldDesa, newDesa] = [level(oldDir, 'villages.csv'), level(newDir, 'villages.csv')];
const newByKode = new Map([...newKab, ...newKec, ...newDesa].map((r) => [r.kode, r]));
const bare = (nama: string) => nama.replace(/^(KABUPATEN|KOTA)\s+/, '');

const entries: (CrosswalkEntry & { sumber: string })[] = [];
for (const [lama, baru, nama] of PAPUA_2022) {
  const now = newByKode.get(baru);
  if (!now || bare(now.nama) !== nama)
    throw new Error(`${baru} is ${now?.nama ?? 'missing'} in 4.0.1, expected ${nama}`);
  if (newByKode.has(lama)) throw new Error(`${lama} still exists in 4.0.1`);
  entries.push({
    lama,
    baru: [baru],
    sumber: 'Permendagri 72/2019 (kode lama) → idn-area-data 4.0.1 (kode baru), nama sama',
  });
}

// Papua Barat (92) → Papua Barat Daya (96), UU 29/2022: both editions are in idn-area-data. Kabupaten by name; then
// kecamatan and desa by name inside their new parent, since Kepmendagri 2025 renumbered kecamatan and desa of Papua
// Barat Daya (92.01.04 Beraur is 96.01.xx, not 96.01.04 Seget). An old kecamatan or desa whose name matches no unique
// new one is mapped to itself: the import then refuses it as unknown instead of taking a wrong desa.
const oldPb = oldKab.filter((k) => k.parent === '92');
const moved = new Map<string, string>();
for (const k of oldPb) {
  if (newByKode.has(k.kode) && newByKode.get(k.kode)!.nama === k.nama) continue; // stayed in Papua Barat
  const target = newKab.filter((n) => n.parent === '96' && n.nama === k.nama);
  if (target.length !== 1) throw new Error(`${k.kode} ${k.nama}: ${target.length} matches in 96`);
  moved.set(k.kode, target[0]!.kode);
  entries.push({
    lama: k.kode,
    baru: [target[0]!.kode],
    sumber: 'idn-area-data 3.0.0 → 4.0.1, kabupaten dengan nama sama',
  });
}
function byName(
  olds: Row[],
  news: Row[],
  parentOf: (oldParent: string) => string | undefined,
  tingkat: 'desa' | 'kecamatan',
  sumber: string,
) {
  const map = new Map<string, string>();
  let same = 0;
  let renumbered = 0;
  let unmatched = 0;
  for (const o of olds) {
    const parent = parentOf(o.parent);
    if (!parent) continue;
    const candidates = news.filter(
      (n) => n.parent === parent && desaNameKey(n.nama, tingkat) === desaNameKey(o.nama, tingkat),
    );
    const implied = parent + o.kode.slice(o.parent.length);
    if (candidates.length !== 1) {
      unmatched++;
      entries.push({
        lama: o.kode,
        baru: [o.kode],
        sumber: `${sumber}: tidak ada satu ${tingkat} bernama sama, kode lama tidak dipetakan`,
      });
      continue;
    }
    map.set(o.kode, candidates[0]!.kode);
    if (candidates[0]!.kode === implied) same++;
    else {
      renumbered++;
      entries.push({ lama: o.kode, baru: [candidates[0]!.kode], sumber: `${sumber}, ${tingkat} dengan nama sama` });
    }
  }
  console.log(
    `${tingkat}: ${same} follow their kabupaten, ${renumbered} renumbered, ${unmatched} without a unique name`,
  );
  return map;
}
const kecMap = byName(oldKec, newKec, (p) => moved.get(p), 'kecamatan', 'idn-area-data 3.0.0 → 4.0.1');
byName(oldDesa, newDesa, (p) => kecMap.get(p), 'desa', 'idn-area-data 3.0.0 → 4.0.1');

// Desa renumbered anywhere else between an older edition and 2025: mostly desa moved into a new kecamatan (Toili Jaya
// out of Toili, 72.01; Sombori Kepulauan, 72.06; Ukar Sengan, 81.05; Kolf Braza, 93.04 …) and the desa of Papua Barat
// Daya renumbered again between its first numbering (3.1.2) and 2025. A desa whose kode is gone is matched by
// normalised name to exactly one desa of the same kabupaten that the older edition did not have; a gone desa without
// such a match (a name respelled: Kwawor → Kwamor; a kelurahan dissolved) is listed and left out, so an import
// refuses it as unknown. A kode still in use is never in the table: the import looks up only kode it does not know.
function renumberedDesa(dir: string, edition: string) {
  const olds = level(dir, 'villages.csv');
  const oldKodes = new Set(olds.map((r) => r.kode));
  const covered = new Set(entries.map((e) => e.lama));
  const movedKab = (kode: string) => moved.get(kode.slice(0, 5)) ?? kode.slice(0, 5);
  const fresh = newDesa.filter((n) => !oldKodes.has(n.kode));
  let added = 0;
  const left: string[] = [];
  for (const o of olds) {
    if (newByKode.has(o.kode) || covered.has(o.kode) || moved.has(o.kode.slice(0, 5))) continue;
    const kab = movedKab(o.kode);
    const match = fresh.filter((n) => n.kode.startsWith(`${kab}.`) && desaNameKey(n.nama) === desaNameKey(o.nama));
    if (match.length !== 1) {
      left.push(`${o.kode} ${o.nama}`);
      continue;
    }
    entries.push({
      lama: o.kode,
      baru: [match[0]!.kode],
      sumber: `idn-area-data ${edition} → 4.0.1, desa dengan nama sama di kabupaten yang sama`,
    });
    covered.add(o.kode);
    added++;
  }
  console.log(
    `${edition}: ${added} renumbered desa elsewhere; without a unique match (not mapped): ${left.join('; ')}`,
  );
}
renumberedDesa(oldDir, '3.0.0');
renumberedDesa(laterDir, '3.1.2');

// Each entry keeps its source (validateCrosswalk reads lama and baru only).
const crosswalk = { nama: 'Kepmendagri 2019–2024 → 2025', entries };
const check = validateCrosswalk(crosswalk);
if (!check.ok) throw new Error(JSON.stringify(check.errors.slice(0, 5)));
writeFileSync(
  OUT,
  `{"nama":${JSON.stringify(crosswalk.nama)},"entries":[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`,
);
console.log(`${entries.length} entries → ${OUT}`);
