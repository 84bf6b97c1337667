// The README's "Impor data (data nyata)" section, shown on the page as the guide to the three file formats: one
// source for the formats, bundled at build time. Only what that section uses is rendered: paragraphs with **bold**
// and `code`, numbered paragraphs, and code blocks. Pure, unit-tested.

export type Inline = { kind: 'text' | 'bold' | 'code'; text: string };
export type Block = { kind: 'p'; inlines: Inline[] } | { kind: 'pre'; text: string };

export const README_SECTION_HEADING = '## Impor data (data nyata)';
/** The guide stops before the CLI and the API table (for operators, not for someone filling a template). */
const STOP_AT = '**CLI**';

/** The lines of the section, without its heading; '' when the README has no such section. */
export function extractSection(readme: string, heading = README_SECTION_HEADING): string {
  const lines = readme.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) return '';
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^#{1,2} /.test(l) || l.startsWith(STOP_AT));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /\*\*([^*]+)\*\*|`([^`]+)`/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push(m[1] !== undefined ? { kind: 'bold', text: m[1] } : { kind: 'code', text: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** Paragraphs (consecutive lines joined; a blank line or a "**1. …**" line starts a new one) and ``` code blocks. */
export function parseBlocks(section: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'p', inlines: parseInline(para.join(' ')) });
    para = [];
  };
  const lines = section.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) code.push(lines[i]!);
      blocks.push({ kind: 'pre', text: code.join('\n') });
    } else if (!line.trim()) {
      flush();
    } else {
      if (/^\*\*\d+\./.test(line)) flush();
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}
