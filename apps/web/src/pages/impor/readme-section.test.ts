import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractSection, parseBlocks, parseInline } from './readme-section.ts';

const README = readFileSync(fileURLToPath(new URL('../../../../../README.md', import.meta.url)), 'utf8');

describe('the README section shown as the format guide', () => {
  it('exists in the README and holds our three formats with their header rows, the exchange formats and files read with an import profile', () => {
    const section = extractSection(README);
    expect(section).not.toBe('');
    expect(section).toContain('versi_templat,peta-desa-templat-1');
    expect(section).toContain('kode_wilayah,periode,indikator,pembilang,penyebut');
    expect(section).toContain('kode_wilayah,tahun,sasaran,jumlah,sumber');
    expect(section).toContain('urn:ihe:qrph:adx:2015');
    expect(section).toContain('"tinggiJudul":2');
    // It stops before the CLI and the API table.
    expect(section).not.toContain('pnpm cli');
    expect(section).not.toMatch(/^## /m);
  });
  it('is split into paragraphs and code blocks', () => {
    const blocks = parseBlocks(extractSection(README));
    const pres = blocks.filter((b) => b.kind === 'pre');
    expect(pres).toHaveLength(5);
    expect(
      blocks.some((b) => b.kind === 'p' && b.inlines.some((i) => i.kind === 'bold' && i.text.startsWith('1. Templat'))),
    ).toBe(true);
  });
});

describe('extractSection and parseBlocks', () => {
  const md = [
    '# T',
    '## Impor data (data nyata)',
    'Intro line one',
    'line two.',
    '',
    '**1. A** text',
    '```',
    'a,b',
    '```',
    '**2. B** more',
    '**CLI** later',
    '## Next',
  ].join('\n');
  it('cuts the section between its heading and **CLI** or the next heading', () => {
    expect(extractSection(md)).toBe(
      ['Intro line one', 'line two.', '', '**1. A** text', '```', 'a,b', '```', '**2. B** more'].join('\n'),
    );
    expect(extractSection('# nothing here')).toBe('');
  });
  it('joins lines into paragraphs, starts one at each numbered bold item, keeps code verbatim', () => {
    expect(parseBlocks(extractSection(md))).toEqual([
      { kind: 'p', inlines: [{ kind: 'text', text: 'Intro line one line two.' }] },
      {
        kind: 'p',
        inlines: [
          { kind: 'bold', text: '1. A' },
          { kind: 'text', text: ' text' },
        ],
      },
      { kind: 'pre', text: 'a,b' },
      {
        kind: 'p',
        inlines: [
          { kind: 'bold', text: '2. B' },
          { kind: 'text', text: ' more' },
        ],
      },
    ]);
  });
  it('reads **bold** and `code`', () => {
    expect(parseInline('a **b** `c` d')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'bold', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'c' },
      { kind: 'text', text: ' d' },
    ]);
  });
});
