// The folder tree is the architecture (apps/web/README.md): pages/<page>/ import shared parts and never each other,
// shared code never imports a page, and only src/map imports maplibre-gl. This test reads every import of src/ so
// the rule stays true without a reviewer having to notice.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Every import specifier of a module: static, type-only, side-effect (CSS), re-exports and dynamic import(). */
export function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern =
    /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(pattern)) specifiers.push((m[1] ?? m[2])!);
  return specifiers;
}

/** The page a src-relative path belongs to ('pages/rapat/parts.tsx' → 'rapat'), or null for shared code. */
const pageOf = (path: string) => /^pages\/([^/]+)\//.exec(path)?.[1] ?? null;

/** The router (the one file that picks a page) and the tests directly in src/ that check several pages together. */
const mayImportPages = (path: string) => path === 'app.tsx' || (!path.includes('/') && path.endsWith('.test.ts'));

/**
 * The broken rules of a set of modules (src-relative path → source), one line each. Relative specifiers are resolved
 * against the importing file; a query (`?raw`) is ignored.
 */
export function violations(modules: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [path, source] of modules) {
    const from = pageOf(path);
    for (const specifier of importsOf(source)) {
      if (specifier === 'maplibre-gl' || specifier.startsWith('maplibre-gl/')) {
        if (!path.startsWith('map/')) found.push(`${path} imports ${specifier}: only src/map may import maplibre-gl`);
        continue;
      }
      if (!specifier.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(path), specifier.split('?')[0]!));
      const to = pageOf(target);
      if (to === null || to === from || mayImportPages(path)) continue;
      found.push(
        from === null
          ? `${path} imports ${target}: shared code never imports a page`
          : `${path} imports ${target}: page ${from} never imports page ${to} (move the part to src/shared/)`,
      );
    }
  }
  return found;
}

function sourceFiles(dir: string): Map<string, string> {
  const modules = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    modules.set(relative(dir, file).split(sep).join('/'), readFileSync(file, 'utf8'));
  }
  return modules;
}

describe('import rules of apps/web/src', () => {
  const modules = sourceFiles(SRC);
  modules.delete('architecture.test.ts'); // its examples of broken rules below are strings, not imports

  it('reads the whole tree: every page folder and the shared parts', () => {
    const pages = new Set([...modules.keys()].map(pageOf).filter((p) => p !== null));
    expect([...pages].sort()).toEqual([
      'akun',
      'impor',
      'isian',
      'masuk',
      'pengguna',
      'peta',
      'profil',
      'rapat',
      'rencana-ilp',
    ]);
    expect([...modules.keys()].filter((p) => p.startsWith('shared/')).length).toBeGreaterThan(30);
    expect(modules.has('map/map-adapter.ts')).toBe(true);
  });

  it('holds: no page imports another page, shared code imports no page, only src/map imports maplibre-gl', () => {
    expect(violations(modules)).toEqual([]);
  });

  it('reports each kind of broken rule (the check itself is checked)', () => {
    const broken = new Map([
      [
        'pages/profil/ProfilePage.tsx',
        "import { WilayahMap } from '../rapat/WilayahMap.tsx';\nimport '../peta/desa-panel/desa-panel.css';",
      ],
      ['pages/rapat/MeetingsPage.tsx', "import type { PuskesmasList } from '../rencana-ilp/planner-api.ts';"],
      ['shared/links/ProfileLink.tsx', "export { ProfilePage } from '../../pages/profil/ProfilePage.tsx';"],
      [
        'shared/map-view/MapView.tsx',
        "import * as maplibregl from 'maplibre-gl';\nconst lazy = () => import('../../pages/peta/Drilldown.tsx');",
      ],
      // Allowed: within a page, shared parts, the router, a cross-page test at src/, the map adapter.
      [
        'pages/peta/Drilldown.tsx',
        "import { ChildList } from './child-list/ChildList.tsx';\nimport { Swatch } from '../../shared/choropleth/Swatch.tsx';",
      ],
      ['app.tsx', "const ImportPage = lazy(() => import('./pages/impor/ImportPage.tsx'));"],
      ['consistency.test.ts', "import { indicatorCards } from './pages/profil/profile-model.ts';"],
      ['map/map-adapter.ts', "import * as maplibregl from 'maplibre-gl';\nimport 'maplibre-gl/dist/maplibre-gl.css';"],
    ]);
    expect(violations(broken)).toEqual([
      'pages/profil/ProfilePage.tsx imports pages/rapat/WilayahMap.tsx: page profil never imports page rapat (move the part to src/shared/)',
      'pages/profil/ProfilePage.tsx imports pages/peta/desa-panel/desa-panel.css: page profil never imports page peta (move the part to src/shared/)',
      'pages/rapat/MeetingsPage.tsx imports pages/rencana-ilp/planner-api.ts: page rapat never imports page rencana-ilp (move the part to src/shared/)',
      'shared/links/ProfileLink.tsx imports pages/profil/ProfilePage.tsx: shared code never imports a page',
      'shared/map-view/MapView.tsx imports maplibre-gl: only src/map may import maplibre-gl',
      'shared/map-view/MapView.tsx imports pages/peta/Drilldown.tsx: shared code never imports a page',
    ]);
  });
});
