// @peta/data: the offline importers that fill the database (boundaries, demo data, the puskesmas list). data/prepare.ts
// runs them on a first start, before the API listens; the API never imports this package.
export {
  importBoundaries,
  ensureBoundaries,
  latestImport,
  IMPORTER_VERSION,
  REPORT_FILE,
  type BoundaryImportResult,
  type BoundaryImportRow,
  type BoundaryReport,
  type EnsureOptions,
  type ImportOptions,
  type ImportProgress,
  type ViewSummary,
} from './importers/boundaries/import-boundaries.ts';
export {
  resolveBoundarySource,
  listBoundaryFiles,
  parseDesaProvinsi,
  formatDesaProvinsi,
  UPSTREAM_RAW_BASE,
  UPSTREAM_REPOSITORY,
  type BoundaryFiles,
  type BoundarySource,
  type DesaProvinsi,
  type FetchLike,
  type ResolveOptions,
  type SourceProgress,
} from './importers/boundaries/source.ts';
export {
  buildBoundaries,
  buildNational,
  buildProvince,
  DEFAULT_SIMPLIFY,
  type AreaGeometry,
  type Bbox,
  type BuildOptions,
  type BuildResult,
  type GeometryIssue,
  type Origin,
  type ProvinceInput,
  type SimplifyParams,
  type ViewKind,
  type ViewStat,
  type WilayahRow,
} from './importers/boundaries/build-geometry.ts';
export { parseUpstreamSql, readUpstreamFile, type UpstreamRecord } from './importers/boundaries/parse-upstream-sql.ts';
export {
  readCodeList,
  crossCheck,
  type CodeList,
  type CodeEntry,
  type CrossCheck,
} from './importers/boundaries/code-list.ts';
export { TileSet, mercator, type EncodedTile, type TileOptions } from './importers/boundaries/tiles/tile-set.ts';
