// The rules' version in values ETags: BUILD_ID when a deploy sets one, else a hash of the sources that changes when
// a rule changes and not when only a test does.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeVersion } from '../src/code-version.ts';

function sources() {
  const root = mkdtempSync(join(tmpdir(), 'code-version-'));
  mkdirSync(join(root, 'rules'));
  writeFileSync(join(root, 'rules', 'classify.ts'), 'export const GOOD = 100;\n');
  writeFileSync(join(root, 'rules', 'classify.test.ts'), 'it("x", () => {});\n');
  return root;
}

describe('codeVersion', () => {
  it('is BUILD_ID when the deploy sets one', () => {
    expect(codeVersion({ BUILD_ID: 'v2026.12.1' }, [sources()])).toBe('v2026.12.1');
  });

  it('is the same for the same sources, changes with a rule, not with a test', () => {
    const root = sources();
    const first = codeVersion({}, [root]);
    expect(first).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(codeVersion({}, [root])).toBe(first); // every process of one deploy agrees
    writeFileSync(join(root, 'rules', 'classify.test.ts'), 'it("y", () => {});\n');
    expect(codeVersion({}, [root])).toBe(first);
    writeFileSync(join(root, 'rules', 'classify.ts'), 'export const GOOD = 95;\n');
    expect(codeVersion({}, [root])).not.toBe(first);
  });

  it('reads the real sources of this repository (domain, server-core, api)', () => {
    expect(codeVersion({})).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(codeVersion({})).toBe(codeVersion({}));
  });
});
