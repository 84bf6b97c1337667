// The version of the code that computes answers. A values ETag names "the same data under the same rules": a deploy that
// changes a rule (classification, aggregation, suppression) must not leave browsers on a 304 of the old answer until the
// data changes. A hash of the sources, not a start time, so every process of one deploy agrees behind a proxy.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sources whose rules shape an answer: the domain rules, the use cases and this HTTP layer. */
const SOURCES = ['../../../packages/domain/src', '../../../packages/server-core/src', '.'].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'fixtures') out.push(...sourceFiles(path));
    } else if (/\.(ts|mjs|json)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/**
 * `BUILD_ID` when the deploy sets one (an image tag, a commit); otherwise 12 characters of a SHA-1 over the source
 * files (about 300 files, read once at start-up in a few milliseconds).
 */
export function codeVersion(env: NodeJS.ProcessEnv = process.env, roots: string[] = SOURCES): string {
  if (env.BUILD_ID) return env.BUILD_ID;
  const hash = createHash('sha1');
  for (const root of roots) {
    for (const file of sourceFiles(root)) hash.update(file.slice(root.length)).update(readFileSync(file));
  }
  return hash.digest('base64url').slice(0, 12);
}
