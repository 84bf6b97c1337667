// Imports as the web app uses them: preview (validate + diff, stored with the file), commit (re-validated inside the
// import lock), history, undo, templates. The API reads files in its parse pool's worker threads (passed as `parse`),
// never on the event loop; the CLI calls runImport and undoImport directly.
import {
  IndicatorError,
  parseImportMonth,
  requireIndicator,
  validateProfile,
  yearMonthOf,
  type ImportProfile,
} from '@peta/domain';
import type { ImportOutcomeDto, ImportProfileSummaryDto, ImportSampleDto, LoadRecordDto } from '@peta/domain/contract';
import type { DatabaseHandle } from '../database.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { indicatorValuesRepository } from './indicator-values-repository.ts';
import { listLoads } from './history.ts';
import type { ParseContext, ParsedImport } from './parse/parsed.ts';
import type { CellSample } from './plan-values.ts';
import { findPreview, markCommitted, savePreview, type PreviewCaps } from './preview-store.ts';
import type { ReadingOptions } from './parse/parsed.ts';
import { keepConfirmedNames } from './confirmed-names.ts';
import { profilesRepository } from './profiles-repository.ts';
import { runImport, type ImportOutcome, type ImportRequest } from './run-import.ts';
import { sasaranRepository } from './sasaran-repository.ts';
import { buildTemplate, desaOf, type TemplateFile } from './template.ts';
import { undoImport } from './undo-import.ts';
import { wilayahNamesRepository } from './wilayah-names-repository.ts';

/** Long lists stay readable and small on the wire; the totals say how many there are. */
const LIST_LIMIT = 500;

function toSample(s: ImportOutcome['sample'][number]): ImportSampleDto {
  if ('indicator' in s) {
    const v = s as CellSample;
    return {
      row: v.row,
      kode: v.kode,
      item: v.indicator,
      period: v.period,
      change: v.change,
      oldNumerator: v.old?.numerator ?? null,
      oldDenominator: v.old?.denominator ?? null,
      oldSimulated: v.old?.simulated ?? null,
      newNumerator: v.new.numerator,
      newDenominator: v.new.denominator,
    };
  }
  return {
    row: s.row,
    kode: s.kode,
    item: s.group,
    period: String(s.year),
    change: s.change,
    oldNumerator: s.old,
    oldDenominator: null,
    oldSimulated: null,
    newNumerator: s.new,
    newDenominator: null,
  };
}

export function toOutcomeDto(
  o: ImportOutcome,
  preview: { id: string; expiresAt: Date } | null = null,
): ImportOutcomeDto {
  return {
    previewId: preview?.id ?? null,
    expiresAt: preview?.expiresAt.toISOString() ?? null,
    status: o.status,
    format: o.format,
    target: o.target,
    fileName: o.fileName,
    fileHash: o.fileHash,
    counts: o.counts,
    errors: o.errors.slice(0, LIST_LIMIT),
    errorCount: o.errors.length,
    warnings: o.warnings.slice(0, LIST_LIMIT),
    warningCount: o.warnings.length,
    sample: o.sample.map(toSample),
    loadId: o.loadId,
    message: o.message,
    template: o.template ?? null,
    layout: o.layout ?? null,
    profile: o.profile ?? null,
    toConfirm: (o.toConfirm ?? []).slice(0, LIST_LIMIT),
  };
}

/** A profile as it arrives (the wizard's draft, an uploaded JSON file): checked, or a 400 listing every problem. */
export function checkedProfile(input: unknown): ImportProfile {
  const check = validateProfile(input);
  if (!check.ok)
    throw invalid(
      'PROFILE_INVALID',
      `Profil impor tidak sah: ${check.errors
        .slice(0, 10)
        .map((e) => e.message)
        .join(' ')}`,
    );
  return check.profile;
}

export interface ReadAgain {
  lembar?: string;
  profil?: unknown;
  profilId?: number;
  konfirmasi?: Record<string, string>;
}

export type OutOfScope = (desaKode: string) => string | null;

/** The phases of a commit as runImport reports them, code and words (the web page's bar, the API's progress lines). */
export type ImportProgress = NonNullable<ImportRequest['onProgress']>;

/** Who imports: their name, the desa they may not change, their area (scope kode, '' = all) for saved profiles. */
export interface Importer {
  oleh: string;
  outOfScope: OutOfScope;
  area: string;
}

export interface ImportsServiceOptions {
  /** Reads and validates an uploaded file (the API: its parse pool). */
  parse: (bytes: Uint8Array, fileName: string, ctx: ParseContext) => Promise<ParsedImport>;
  previewCaps: PreviewCaps;
  /** The clock for "period in the future" (tests fix it). */
  now?: () => Date;
  /** Another kode crosswalk than the default Papua table (tests). */
  crosswalk?: import('@peta/domain').KodeCrosswalk;
}

export interface TemplateQuery {
  wilayah: string;
  /** YYYY-MM as typed. */
  period: string;
  /** Indicator codes, comma-separated as typed. */
  indicators: string;
  format: 'xlsx' | 'csv';
}

/** A profile's kabupaten lies in the importer's area, or holds it (a kecamatan or puskesmas user of that kabupaten). */
const inArea = (kabupaten: string, area: string) =>
  area === '' || kabupaten === area || kabupaten.startsWith(`${area}.`) || area.startsWith(`${kabupaten}.`);

export function importsService(
  database: DatabaseHandle,
  { parse, previewCaps, now = () => new Date(), crosswalk }: ImportsServiceOptions,
) {
  const profiles = profilesRepository(database.db);

  /** A saved profile the importer may use: one of their area's. */
  async function savedProfile(id: number, area: string): Promise<{ id: number; profile: ImportProfile }> {
    const row = await profiles.byId(id);
    if (!row || !inArea(row.kabupaten, area)) throw notFound(`Profil impor #${id} tidak ditemukan di wilayah Anda.`);
    return { id: row.id, profile: { ...checkedProfile(row.definition), tandaJudul: row.signature } };
  }

  async function previewWith(
    bytes: Uint8Array,
    fileName: string,
    who: Importer,
    reading: ReadingOptions,
  ): Promise<ImportOutcomeDto> {
    const outcome = await runImport(database, {
      bytes,
      fileName,
      oleh: who.oleh,
      dryRun: true,
      today: yearMonthOf(now()),
      outOfScope: who.outOfScope,
      parse,
      reading,
      area: who.area,
      crosswalk,
    });
    // A file that would change something can be committed; a file in no known format, or read with a profile, is kept
    // too so the wizard can map it and read it again (confirmed names, another mapping) without a new upload.
    const keep = outcome.status === 'preview' || outcome.layout !== undefined || outcome.format === 'profil';
    if (!keep) return toOutcomeDto(outcome);
    const stored = await savePreview(
      database,
      { fileName, fileHash: outcome.fileHash, oleh: who.oleh, bytes, summary: outcome, options: reading },
      previewCaps,
    );
    return toOutcomeDto(outcome, stored);
  }

  return {
    /**
     * The parse pool's QueueFull when every worker is taken; PreviewStoreFull when the preview cannot be kept.
     * `profileId`: read with that saved profile of the importer's area.
     */
    async preview(bytes: Uint8Array, fileName: string, who: Importer, profileId?: number): Promise<ImportOutcomeDto> {
      const saved = profileId === undefined ? null : await savedProfile(profileId, who.area);
      return previewWith(bytes, fileName, who, saved ? { profile: saved.profile, profileId: saved.id } : {});
    },

    /** The stored file of a preview read again: with a drafted or saved profile, and desa names the user confirmed. */
    async readAgain(previewId: string, body: ReadAgain, who: Importer): Promise<ImportOutcomeDto> {
      const preview = await findPreview(database, previewId);
      if (!preview || preview.committedLoadId !== null)
        throw notFound('Pratinjau tidak ditemukan atau sudah disimpan. Unggah ulang berkasnya.');
      let reading: ReadingOptions = { ...preview.options };
      if (body.profilId !== undefined) {
        const saved = await savedProfile(body.profilId, who.area);
        reading = { profile: saved.profile, profileId: saved.id };
      } else if (body.profil !== undefined) reading = { profile: checkedProfile(body.profil), profileId: null };
      else if (body.lembar !== undefined) reading = { lembar: body.lembar };
      if (body.konfirmasi) reading.konfirmasi = { ...reading.konfirmasi, ...body.konfirmasi };
      return previewWith(preview.bytes, preview.fileName, who, reading);
    },

    /**
     * Commits as `oleh` (who previewed may differ from who commits), re-checked against the committer's scope. The
     * outcome says 'invalid' when the data changed since the preview and the file no longer passes (nothing written).
     */
    async commit(
      previewId: string,
      { oleh, outOfScope, area }: Importer,
      onProgress?: ImportProgress,
    ): Promise<ImportOutcomeDto> {
      const preview = await findPreview(database, previewId);
      if (!preview) throw notFound('Pratinjau tidak ditemukan atau sudah kedaluwarsa. Unggah ulang berkasnya.');
      if (preview.committedLoadId !== null) {
        throw conflict('ALREADY_COMMITTED', `Pratinjau ini sudah disimpan sebagai impor #${preview.committedLoadId}.`);
      }
      const reading = preview.options;
      const outcome = await runImport(database, {
        bytes: preview.bytes,
        fileName: preview.fileName,
        oleh,
        today: yearMonthOf(now()),
        outOfScope,
        parse,
        reading,
        area,
        crosswalk,
        ...(onProgress ? { onProgress } : {}),
      });
      if (outcome.status === 'imported') {
        await markCommitted(database, previewId, outcome.loadId);
        // Names confirmed in the preview become aliases of the profile's kabupaten: the next file matches at once.
        await keepConfirmedNames(database.db, outcome, reading.konfirmasi, oleh);
      }
      return toOutcomeDto(outcome);
    },

    /** The current import profiles of an area, by kabupaten and name. */
    async profiles(area: string): Promise<ImportProfileSummaryDto[]> {
      return (await profiles.current(area)).map((r) => ({
        id: r.id,
        nama: r.nama,
        kabupaten: r.kabupaten,
        createdBy: r.createdBy,
        createdAt: r.createdAt.toISOString(),
        versions: Number(r.versions),
      }));
    },
    /** A profile as its shareable JSON file (with its header signature). */
    async profileFile(id: number, area: string): Promise<ImportProfile> {
      return (await savedProfile(id, area)).profile;
    },
    /**
     * Deletes a current profile of the importer's area: `mayImportTo(kabupaten)` is the caller's scope check (403), a
     * profile outside the area or no longer current is 404. The row stays as history (who, when); the API's audit log
     * has the request.
     */
    async deleteProfile(
      id: number,
      area: string,
      oleh: string,
      mayImportTo: (kabupaten: string) => void,
    ): Promise<{ id: number; nama: string; kabupaten: string }> {
      const row = await profiles.byId(id);
      const current = row ? (await profiles.current(row.kabupaten)).some((r) => r.id === id) : false;
      if (!row || !current || !inArea(row.kabupaten, area))
        throw notFound(`Profil impor #${id} tidak ditemukan di wilayah Anda (atau sudah dihapus).`);
      mayImportTo(row.kabupaten);
      if (!(await profiles.retire(id, oleh))) throw notFound(`Profil impor #${id} sudah dihapus atau diganti.`);
      return { id, nama: row.nama, kabupaten: row.kabupaten };
    },
    /**
     * Saves a profile (drafted in the wizard or uploaded as a JSON file) as the current one of its name in its
     * kabupaten; `mayImportTo(kabupaten)` is the caller's scope check. Without tandaJudul it is never picked by itself.
     */
    async saveProfile(
      input: unknown,
      oleh: string,
      mayImportTo: (kabupaten: string) => void,
    ): Promise<{ id: number; profile: ImportProfile }> {
      const profile = checkedProfile(input);
      mayImportTo(profile.kabupaten);
      const id = await profiles.save({
        kabupaten: profile.kabupaten,
        nama: profile.nama,
        signature: profile.tandaJudul ?? '',
        definition: profile,
        createdBy: oleh,
      });
      return { id, profile };
    },

    history: (limit: number): Promise<LoadRecordDto[]> => listLoads(database, limit),
    /** UndoError (a DomainError) when the import cannot be undone. */
    undo: (loadId: number, oleh: string) => undoImport(database, loadId, oleh),

    /** The desa an import (data_load) changed: undoing it needs all of them in the user's scope. */
    async desaOfLoad(loadId: number): Promise<string[]> {
      const [values, sasaran] = [
        await indicatorValuesRepository(database.db).desaOfLoad(loadId),
        await sasaranRepository(database.db).desaOfLoad(loadId),
      ];
      return [...new Set([...values, ...sasaran])];
    },

    /** The template of a wilayah, a month and indicators, prefilled with its desa. */
    async template(query: TemplateQuery): Promise<TemplateFile> {
      const area = await wilayahNamesRepository(database.db).find(query.wilayah);
      if (!area) throw notFound(`Wilayah dengan kode ${query.wilayah} tidak ditemukan.`);
      const month = parseImportMonth(query.period, yearMonthOf(now()));
      if (!month.ok) throw invalid('INVALID_PERIOD', month.message);
      const indicators = query.indicators
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
        .map((code) => {
          try {
            return requireIndicator(code);
          } catch (e) {
            if (e instanceof IndicatorError) throw invalid('INVALID_INDICATOR', e.message);
            throw e;
          }
        });
      if (!indicators.length)
        throw invalid('INVALID_INDICATOR', 'Pilih paling sedikit satu indikator (indicators=KIA_K4,SPM01_BUMIL).');
      return buildTemplate(
        { wilayah: area, period: month.value, indicators, format: query.format },
        await desaOf(database, area.kode),
      );
    },
  };
}

export type ImportsService = ReturnType<typeof importsService>;
