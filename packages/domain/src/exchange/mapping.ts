// The mapping between another system's identifiers and ours, one small JSON document per source system
// ("DHIS2 Dinkes Labuhanbatu"), shareable like an import profile:
//   - data element (+ category option combo in DHIS2, + disaggregation attributes in ADX) → our indicator code and
//     whether the value is its numerator (pembilang) or its counted denominator (penyebut);
//   - orgUnit → kode desa. With `orgUnit: 'kode'` the orgUnit identifiers ARE Kemendagri kode — a DHIS2 instance
//     whose organisation unit codes are the Kemendagri codes, read with idScheme=code (with or without dots:
//     12.10.09.2001 or 1210092001) — and no table is needed; a table entry still wins.
// Several data values mapped to the same indicator role for one desa and month are SUMMED (a data element
// disaggregated by sex or age, several attribute option combos): counts add up, as DHIS2's own totals do.
// The catalogue's own mapping (`catalogueMapping`) names data elements <KODE>_PEMBILANG / <KODE>_PENYEBUT and uses
// orgUnit 'kode', so an export read back in gives the same values.
import { INDICATORS, getIndicator } from '../indicators/catalogue.ts';
import { normaliseKode, tingkatOf } from '../wilayah.ts';
import type { ExchangeIssue } from './issues.ts';
import { isObject } from './json-file.ts';
import { ExchangeExportError, type ExchangeValue } from './values.ts';

export type ValueRole = 'pembilang' | 'penyebut';

export interface DataElementRule {
  /** DHIS2 data element (uid or code, as the file writes it), ADX dataElement code. */
  dataElement: string;
  /** DHIS2 category option combo; absent = any (values of every combo are summed). */
  categoryOptionCombo?: string;
  /** ADX disaggregation attributes that must be present with these values (SEX: "F"); absent = any. */
  disaggregation?: Readonly<Record<string, string>>;
  indikator: string;
  peran: ValueRole;
}

export interface ExchangeMapping {
  nama: string;
  orgUnit: 'kode' | 'tabel';
  /** orgUnit identifier → kode desa (12.10.09.2001). */
  orgUnits?: Readonly<Record<string, string>>;
  /** Exports write kode as digits only (1210092001, as SATUSEHAT writes it) instead of 12.10.09.2001. */
  kodeTanpaTitik?: boolean;
  /** Read only values of this DHIS2 attribute option combo (the others are skipped and reported). */
  attributeOptionCombo?: string;
  /** DHIS2 data set / ADX dataSet written on export. */
  dataSet?: string;
  /**
   * What the identifiers of this mapping are in DHIS2 (its idScheme): 'code' when data elements and org units are
   * named by their codes, 'uid' by DHIS2 uids. Written into DHIS2 JSON exports so DHIS2 reads them that way.
   */
  idScheme?: 'code' | 'uid';
  dataElements: readonly DataElementRule[];
}

export const MAPPING_LIMITS = { rules: 10_000, orgUnits: 200_000, textLength: 200 } as const;

export const numeratorElement = (code: string) => `${code}_PEMBILANG`;
export const denominatorElement = (code: string) => `${code}_PENYEBUT`;

/**
 * The catalogue's own mapping: one data element per indicator numerator, one more per counted denominator
 * (sasaran denominators are annual sasaran, not monthly values, and travel separately), orgUnit = kode.
 */
export function catalogueMapping(nama = 'Katalog indikator Peta Desa'): ExchangeMapping {
  const dataElements: DataElementRule[] = [];
  for (const def of INDICATORS) {
    dataElements.push({ dataElement: numeratorElement(def.code), indikator: def.code, peran: 'pembilang' });
    if (def.denominator.kind === 'counted')
      dataElements.push({ dataElement: denominatorElement(def.code), indikator: def.code, peran: 'penyebut' });
  }
  return { nama, orgUnit: 'kode', dataSet: 'PETA_DESA', idScheme: 'code', dataElements };
}

export type MappingCheck = { ok: true; mapping: ExchangeMapping } | { ok: false; errors: ExchangeIssue[] };

/** Checks a mapping as it arrives (JSON from a user or a file): every field, every indicator, every kode. */
export function validateMapping(input: unknown): MappingCheck {
  const errors: ExchangeIssue[] = [];
  const bad = (path: string, message: string) =>
    errors.push({ row: null, column: path, code: 'MAPPING_INVALID', message });
  const text = (v: unknown, path: string, required = true): string | undefined => {
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || !v.trim()) {
      bad(path, `${path} wajib berupa teks yang tidak kosong.`);
      return;
    }
    if (v.length > MAPPING_LIMITS.textLength) {
      bad(path, `${path} lebih panjang dari ${MAPPING_LIMITS.textLength} karakter.`);
      return;
    }
    return v.trim();
  };
  if (!isObject(input))
    return {
      ok: false,
      errors: [{ row: null, column: null, code: 'MAPPING_INVALID', message: 'Pemetaan harus berupa objek JSON.' }],
    };

  const nama = text(input.nama, 'nama');
  const orgUnit = input.orgUnit;
  if (orgUnit !== 'kode' && orgUnit !== 'tabel')
    bad('orgUnit', 'orgUnit harus "kode" (orgUnit adalah kode Kemendagri) atau "tabel" (lihat orgUnits).');
  const orgUnitEntries: [string, string][] = [];
  if (input.orgUnits !== undefined) {
    if (!isObject(input.orgUnits)) bad('orgUnits', 'orgUnits harus berupa objek { "id orgUnit": "kode desa" }.');
    else {
      const entries = Object.entries(input.orgUnits);
      if (entries.length > MAPPING_LIMITS.orgUnits)
        bad('orgUnits', `orgUnits memuat lebih dari ${MAPPING_LIMITS.orgUnits.toLocaleString('id-ID')} baris.`);
      for (const [id, kode] of entries.slice(0, MAPPING_LIMITS.orgUnits)) {
        const k = typeof kode === 'string' ? normaliseKode(kode) : null;
        if (!k || tingkatOf(k) !== 'desa')
          bad(
            `orgUnits.${id}`,
            `orgUnit "${id}" harus dipetakan ke kode desa Kemendagri (misalnya 12.10.09.2001), bukan ${JSON.stringify(kode)}.`,
          );
        else orgUnitEntries.push([id, k]);
      }
    }
  }
  // fromEntries defines own properties: an orgUnit called "__proto__" stays data, never a prototype.
  const orgUnits: Record<string, string> = Object.fromEntries(orgUnitEntries);
  if (orgUnit === 'tabel' && !orgUnitEntries.length && !errors.length)
    bad('orgUnits', 'Dengan orgUnit "tabel", orgUnits wajib berisi pemetaan orgUnit ke kode desa.');
  if (input.kodeTanpaTitik !== undefined && typeof input.kodeTanpaTitik !== 'boolean')
    bad('kodeTanpaTitik', 'kodeTanpaTitik harus true atau false.');
  const attributeOptionCombo = text(input.attributeOptionCombo, 'attributeOptionCombo', false);
  const dataSet = text(input.dataSet, 'dataSet', false);
  const idScheme = input.idScheme;
  if (idScheme !== undefined && idScheme !== 'code' && idScheme !== 'uid')
    bad('idScheme', 'idScheme harus "code" atau "uid".');

  const rules: DataElementRule[] = [];
  if (!Array.isArray(input.dataElements) || !input.dataElements.length)
    bad('dataElements', 'dataElements wajib berisi paling sedikit satu aturan.');
  else if (input.dataElements.length > MAPPING_LIMITS.rules)
    bad('dataElements', `dataElements memuat lebih dari ${MAPPING_LIMITS.rules.toLocaleString('id-ID')} aturan.`);
  else {
    const targets = new Map<string, string>();
    input.dataElements.forEach((raw: unknown, i: number) => {
      const path = `dataElements[${i}]`;
      if (!isObject(raw)) {
        bad(path, `${path} harus berupa objek.`);
        return;
      }
      const dataElement = text(raw.dataElement, `${path}.dataElement`);
      const categoryOptionCombo = text(raw.categoryOptionCombo, `${path}.categoryOptionCombo`, false);
      let disaggregation: Record<string, string> | undefined;
      if (raw.disaggregation !== undefined) {
        if (!isObject(raw.disaggregation) || Object.values(raw.disaggregation).some((v) => typeof v !== 'string')) {
          bad(`${path}.disaggregation`, `${path}.disaggregation harus berupa objek { "KATEGORI": "kode opsi" }.`);
        } else disaggregation = Object.fromEntries(Object.entries(raw.disaggregation as Record<string, string>));
      }
      const code = typeof raw.indikator === 'string' ? raw.indikator.trim().toUpperCase() : '';
      const def = getIndicator(code);
      if (!def)
        bad(
          `${path}.indikator`,
          `Indikator tidak dikenal: ${JSON.stringify(raw.indikator)} (lihat katalog, misalnya KIA_K4).`,
        );
      const peran = raw.peran;
      if (peran !== 'pembilang' && peran !== 'penyebut')
        bad(`${path}.peran`, `${path}.peran harus "pembilang" atau "penyebut".`);
      else if (def && peran === 'penyebut' && def.denominator.kind !== 'counted') {
        bad(
          `${path}.peran`,
          `Penyebut ${def.code} adalah sasaran tahunan, bukan nilai bulanan: petakan hanya pembilangnya.`,
        );
      }
      if (!dataElement || !def || (peran !== 'pembilang' && peran !== 'penyebut')) return;
      const rule: DataElementRule = {
        dataElement,
        indikator: def.code,
        peran,
        ...(categoryOptionCombo ? { categoryOptionCombo } : {}),
        ...(disaggregation ? { disaggregation } : {}),
      };
      const key = ruleKey(rule);
      const earlier = targets.get(key);
      if (earlier !== undefined && earlier !== `${rule.indikator}/${rule.peran}`) {
        bad(
          path,
          `${path} memetakan data element yang sama (${describeRule(rule)}) ke ${rule.indikator}/${rule.peran}, padahal aturan sebelumnya ke ${earlier}.`,
        );
      }
      targets.set(key, `${rule.indikator}/${rule.peran}`);
      rules.push(rule);
    });
  }
  if (errors.length || !nama || (orgUnit !== 'kode' && orgUnit !== 'tabel')) return { ok: false, errors };
  return {
    ok: true,
    mapping: {
      nama,
      orgUnit,
      dataElements: rules,
      ...(orgUnitEntries.length ? { orgUnits } : {}),
      ...(input.kodeTanpaTitik === true ? { kodeTanpaTitik: true } : {}),
      ...(attributeOptionCombo ? { attributeOptionCombo } : {}),
      ...(dataSet ? { dataSet } : {}),
      ...(idScheme === 'code' || idScheme === 'uid' ? { idScheme } : {}),
    },
  };
}

const ruleKey = (r: DataValueKey) =>
  JSON.stringify([r.dataElement, r.categoryOptionCombo ?? null, Object.entries(r.disaggregation ?? {}).sort()]);

export function describeRule(r: DataValueKey): string {
  const parts = [r.dataElement];
  if (r.categoryOptionCombo) parts.push(`categoryOptionCombo ${r.categoryOptionCombo}`);
  for (const [k, v] of Object.entries(r.disaggregation ?? {})) parts.push(`${k}=${v}`);
  return parts.join(', ');
}

/** A data value as every format reads it, before mapping. */
export interface DataValueKey {
  dataElement: string;
  categoryOptionCombo?: string | null;
  /** ADX disaggregation attributes. */
  disaggregation?: Readonly<Record<string, string>>;
}

export type RuleMatch = { rule: DataElementRule } | { rule: null; ambiguous: DataElementRule[] } | null;

/**
 * Which rule a data value falls under: the most specific matching rule (a named option combo beats any, more
 * disaggregation attributes beat fewer). Two equally specific rules with different targets are ambiguous.
 */
export function ruleMatcher(mapping: Pick<ExchangeMapping, 'dataElements'>): (value: DataValueKey) => RuleMatch {
  const byElement = new Map<string, DataElementRule[]>();
  for (const r of mapping.dataElements) {
    const list = byElement.get(r.dataElement) ?? [];
    list.push(r);
    byElement.set(r.dataElement, list);
  }
  const specificity = (r: DataElementRule) =>
    (r.categoryOptionCombo ? 1000 : 0) + Object.keys(r.disaggregation ?? {}).length;
  return (value) => {
    const candidates = (byElement.get(value.dataElement) ?? []).filter(
      (r) =>
        (r.categoryOptionCombo === undefined || r.categoryOptionCombo === (value.categoryOptionCombo ?? undefined)) &&
        Object.entries(r.disaggregation ?? {}).every(([k, v]) => value.disaggregation?.[k] === v),
    );
    if (!candidates.length) return null;
    const best = Math.max(...candidates.map(specificity));
    const top = candidates.filter((r) => specificity(r) === best);
    const targets = new Set(top.map((r) => `${r.indikator}/${r.peran}`));
    return targets.size === 1 ? { rule: top[0]! } : { rule: null, ambiguous: top };
  };
}

/** For export: the rule that writes an indicator role (the first one listed). */
export function ruleFor(
  mapping: Pick<ExchangeMapping, 'dataElements'>,
  indikator: string,
  peran: ValueRole,
): DataElementRule | null {
  return mapping.dataElements.find((r) => r.indikator === indikator && r.peran === peran) ?? null;
}

/**
 * For export: the data elements one value is written to — its numerator's (a mapping without one cannot export the
 * indicator) and its denominator's when the value has a denominator and the mapping a data element for it.
 */
export function exportRulesFor(
  mapping: Pick<ExchangeMapping, 'nama' | 'dataElements'>,
  value: Pick<ExchangeValue, 'indikator' | 'penyebut'>,
): { numerator: DataElementRule; denominator: DataElementRule | null } {
  const numerator = ruleFor(mapping, value.indikator, 'pembilang');
  if (!numerator)
    throw new ExchangeExportError(
      `Pemetaan "${mapping.nama}" tidak memuat data element untuk pembilang ${value.indikator}.`,
    );
  const denominator = value.penyebut === null ? null : ruleFor(mapping, value.indikator, 'penyebut');
  return { numerator, denominator };
}

/** For export: how a kode is written as orgUnit (the table read backwards first, then the kode itself). */
export function orgUnitWriter(mapping: Pick<ExchangeMapping, 'orgUnits' | 'kodeTanpaTitik'>): (kode: string) => string {
  const reverse = new Map<string, string>();
  for (const [id, kode] of Object.entries(mapping.orgUnits ?? {})) if (!reverse.has(kode)) reverse.set(kode, id);
  return (kode) => reverse.get(kode) ?? (mapping.kodeTanpaTitik ? kode.replace(/\./g, '') : kode);
}

/** For import: the kode of an orgUnit, or null when neither the table nor (with orgUnit 'kode') the identifier gives one. */
export function orgUnitReader(
  mapping: Pick<ExchangeMapping, 'orgUnit' | 'orgUnits'>,
): (orgUnit: string) => string | null {
  const table = new Map(Object.entries(mapping.orgUnits ?? {}));
  return (orgUnit) => {
    const mapped = table.get(orgUnit);
    if (mapped) return mapped;
    return mapping.orgUnit === 'kode' ? normaliseKode(orgUnit.trim()) : null;
  };
}
