// One import, from bytes to database: parse and validate (errors stop everything), then inside ONE transaction
// holding the import lock: diff against the current state, compute warnings, write values or sasaran, the change
// history and the data_load row. A dry run (preview) does the same and rolls back. Values are diffed and written set-based
// in PostgreSQL from a staging table of the file's cells (plan-values.ts), roll-ups kept as deltas there too.
import { createHash } from 'node:crypto';
import { withTingkatWord, yearMonthOf, type ImportFormat, type ImportIssue, type YearMonth } from '@peta/domain';
import type { DbOrTx } from '@peta/db';
import { IMPORT_PHASES, type ImportPhase } from '@peta/domain/contract';
import type { DatabaseHandle } from '../database.ts';
import { dataLoadsRepository } from './data-loads-repository.ts';
import { withImportLock } from './import-lock.ts';
import { parseImportFile } from './parse/parse-import.ts';
import type { ParseContext, ParsedImport, ReadingOptions } from './parse/parsed.ts';
import { validateProfile, type ImportProfile } from '@peta/domain';
import { aliasesRepository, profilesRepository } from './profiles-repository.ts';
import { planSasaran, type SasaranPlan } from './plan-sasaran.ts';
import {
  dropStagedValues,
  LOAD_PLACEHOLDER,
  planValues,
  writeValues,
  type CellSample,
  type Counts,
  type ValuesPlan,
} from './plan-values.ts';
import { sasaranRepository } from './sasaran-repository.ts';
import { wilayahNamesRepository } from './wilayah-names-repository.ts';
import { applyRollupDeltas } from '../values/rollup-delta.ts';
import { refreshRollups } from '../values/rollup-upkeep.ts';

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  /** Who imports (CLI --oleh, API field oleh). */
  oleh: string;
  /** Validate and diff only; nothing is written. */
  dryRun?: boolean;
  /** The clock for "period in the future" (tests fix it). */
  today?: YearMonth;
  /**
   * The importer's scope (API: the signed-in user's): a message for a desa they may not change, else null. Each
   * row outside is an error, so a file is taken whole or not at all. The CLI (machine access) passes none.
   */
  outOfScope?: (desaKode: string) => string | null;
  /** Each phase: its stable code (IMPORT_PHASES, for a client in another language) and its Indonesian words. */
  onProgress?: (p: { code: ImportPhase; phase: string; done: number; total: number }) => void;
  /** Reads and validates the file: in this process by default (CLI); the API passes its worker pool's (parse-pool.ts). */
  parse?: (bytes: Uint8Array, fileName: string, ctx: ParseContext) => Promise<ParsedImport>;
  /**
   * Runs inside the import lock before the diff, on the validated cells (the entry grid: a cell someone else changed
   * since the user saw it). Throwing rolls everything back.
   */
  beforePlan?: (tx: DbOrTx, parsed: ParsedImport) => Promise<void>;
  /** How to read the file: a profile (drafted or saved), desa names confirmed in the preview. */
  reading?: ReadingOptions;
  /**
   * The importer's area (their scope kode, '' = all): the saved profiles of its kabupaten are tried on a file in no
   * known format. Without it no saved profile is tried.
   */
  area?: string;
  /** Another kode crosswalk than the default (tests). */
  crosswalk?: ParseContext['crosswalk'];
}

export type ImportStatus = 'invalid' | 'preview' | 'unchanged' | 'imported';

export interface ImportOutcome {
  status: ImportStatus;
  format: ImportFormat | null;
  /** 'nilai' or 'sasaran' */
  target: 'nilai' | 'sasaran' | null;
  fileName: string;
  fileHash: string;
  counts: Counts;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  sample: (CellSample | SasaranPlan['sample'][number])[];
  /** The data_load written (status 'imported'). */
  loadId: number | null;
  /** Bahasa Indonesia summary for the CLI and the UI. */
  message: string;
  template?: { wilayah: string; period: string };
  layout?: ParsedImport['layout'];
  profile?: ParsedImport['profile'];
  toConfirm?: ParsedImport['toConfirm'];
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every kode wilayah in the database, for the "unknown kode" rule, and its name in words for the messages. */
async function loadWilayah({ db }: DatabaseHandle): Promise<Pick<ParseContext, 'kodes' | 'names'>> {
  const rows = await wilayahNamesRepository(db).all();
  return {
    kodes: new Set(rows.map((row) => row.kode)),
    names: new Map(rows.map((row) => [row.kode, withTingkatWord(row.tingkat, row.nama)])),
  };
}

/** The saved profiles to try (none when the file comes with its profile) and the desa aliases of their kabupaten. */
async function loadReading(
  { db }: DatabaseHandle,
  request: Pick<ImportRequest, 'reading' | 'area' | 'crosswalk'>,
): Promise<Pick<ParseContext, 'reading' | 'profiles' | 'aliases' | 'crosswalk'>> {
  const chosen = request.reading?.profile;
  const profiles =
    chosen || request.area === undefined
      ? []
      : (await profilesRepository(db).current(request.area)).flatMap((row) => {
          const check = validateProfile(row.definition);
          return check.ok
            ? [{ id: row.id, profile: { ...check.profile, tandaJudul: row.signature } as ImportProfile }]
            : [];
        });
  const kabupaten = [...new Set(chosen ? [chosen.kabupaten] : profiles.map((p) => p.profile.kabupaten))];
  return {
    ...(request.reading ? { reading: request.reading } : {}),
    profiles,
    aliases: await aliasesRepository(db).ofKabupaten(kabupaten),
    ...(request.crosswalk ? { crosswalk: request.crosswalk } : {}),
  };
}

export async function parseForImport(
  database: DatabaseHandle,
  request: Pick<
    ImportRequest,
    'bytes' | 'fileName' | 'today' | 'outOfScope' | 'parse' | 'reading' | 'area' | 'crosswalk'
  >,
): Promise<ParsedImport> {
  const parse = request.parse ?? ((bytes, fileName, ctx) => parseImportFile(bytes, fileName, ctx));
  const parsed = await parse(request.bytes, request.fileName, {
    today: request.today ?? yearMonthOf(new Date()),
    ...(await loadWilayah(database)),
    ...(await loadReading(database, request)),
  });
  if (request.outOfScope) {
    // Asked once per distinct kode (a national file: 84,000 kode on 1.7 M cells); a row outside is reported once.
    const verdicts = new Map<string, string | null>();
    const reported = new Set<number>();
    for (const cells of [parsed.values, parsed.sasaran]) {
      for (const { row, kode } of cells) {
        let problem = verdicts.get(kode);
        if (problem === undefined) verdicts.set(kode, (problem = request.outOfScope(kode)));
        if (!problem || reported.has(row)) continue;
        reported.add(row);
        parsed.errors.push({ row, column: null, code: 'KODE_OUT_OF_SCOPE', message: problem });
      }
    }
    parsed.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
  return parsed;
}

export async function runImport(database: DatabaseHandle, request: ImportRequest): Promise<ImportOutcome> {
  const progress = (code: ImportPhase, done: number) =>
    request.onProgress?.({ code, phase: IMPORT_PHASES[code], done, total: 4 });
  progress('read', 0);
  const parsed = await parseForImport(database, request);
  const base = {
    format: parsed.format,
    target: parsed.format === null ? null : parsed.format === 'sasaran' ? ('sasaran' as const) : ('nilai' as const),
    fileName: request.fileName,
    fileHash: parsed.fileHash ?? sha256(request.bytes),
    template: parsed.template,
    ...(parsed.layout ? { layout: parsed.layout } : {}),
    ...(parsed.profile ? { profile: parsed.profile } : {}),
    ...(parsed.toConfirm?.length ? { toConfirm: parsed.toConfirm } : {}),
  };
  if (parsed.errors.length) {
    return {
      ...base,
      status: 'invalid',
      counts: { added: 0, changed: 0, unchanged: 0 },
      errors: parsed.errors,
      warnings: parsed.warnings,
      sample: [],
      loadId: null,
      message: `Berkas ditolak: ${parsed.errors.length} kesalahan. Tidak ada yang disimpan; perbaiki lalu unggah ulang.`,
    };
  }
  progress('compare', 1);
  return withImportLock(database.db, async (tx) => {
    await request.beforePlan?.(tx, parsed);
    const plan: ValuesPlan | SasaranPlan =
      base.target === 'sasaran'
        ? await planSasaran(tx, parsed.sasaran, LOAD_PLACEHOLDER)
        : await planValues(tx, parsed.values);
    // The plan's warnings are counted; their words (a national month: ~600,000) are written while PostgreSQL writes
    // the rows, unless nothing is written. Until then only the first ones that the load keeps are said.
    const planned = 'warnings' in plan ? plan.warnings : null;
    const warningCount = parsed.warnings.length + (planned?.count ?? 0);
    const allWarnings = () => (planned ? parsed.warnings.concat(planned.list()) : parsed.warnings);
    const outcome = (warnings: ImportIssue[]): ImportOutcome => ({
      ...base,
      status: 'preview',
      counts: plan.counts,
      errors: [],
      warnings,
      sample: plan.sample,
      loadId: null,
      message: '',
    });
    const total = plan.counts.added + plan.counts.changed + plan.counts.unchanged;
    if (plan.counts.added + plan.counts.changed === 0) {
      return {
        commit: false,
        result: {
          ...outcome(allWarnings()),
          status: 'unchanged',
          message: `Tidak ada perubahan: ${total} sel sudah sama dengan data tersimpan.`,
        },
      };
    }
    const summary = `${plan.counts.added} ditambah, ${plan.counts.changed} diubah, ${plan.counts.unchanged} tetap${warningCount ? `; ${warningCount} peringatan` : ''}`;
    if (request.dryRun)
      return {
        commit: false,
        result: { ...outcome(allWarnings()), message: `Pratinjau: ${summary}. Belum ada yang disimpan.` },
      };

    progress('save', 2);
    const loadId = await dataLoadsRepository(tx).insertImport({
      description: `Impor ${request.fileName}`,
      oleh: request.oleh,
      fileName: request.fileName,
      fileHash: base.fileHash,
      target: base.target!,
      counts: plan.counts,
      warnings: parsed.warnings.concat(planned?.list(1000) ?? []).slice(0, 1000),
      details: {
        format: base.format,
        warningCount,
        template: parsed.template ?? null,
        profile: parsed.profile ?? null,
      },
    });
    let warnings: ImportIssue[] | undefined;
    if (base.target === 'nilai')
      await writeValues(tx, loadId, (plan as ValuesPlan).rows, () => {
        warnings = allWarnings();
      });
    else {
      const sasaranPlan = plan as SasaranPlan;
      for (const row of sasaranPlan.rows) row.loadId = loadId;
      const sasaran = sasaranRepository(tx);
      await sasaran.writeRows(sasaranPlan.rows);
      await sasaran.insertChanges(loadId, sasaranPlan.changes);
    }
    // The roll-ups of the wilayah above the changed desa, in the same transaction: a view never sees one without the other.
    progress('rollup', 3);
    if (base.target === 'nilai') {
      await applyRollupDeltas(tx, loadId);
      // The staged tables are unlogged tables of this transaction: committed, they would stay (a rollback drops them).
      await dropStagedValues(tx);
    } else await refreshRollups(tx, { sasaran: (plan as SasaranPlan).rows }, loadId);
    progress('done', 4);
    return {
      commit: true,
      result: {
        ...outcome(warnings ?? allWarnings()),
        status: 'imported',
        loadId,
        message: `Impor #${loadId} tersimpan: ${summary}.`,
      },
    };
  });
}
