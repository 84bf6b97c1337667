import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { copyTextToCsv } from './export-values.ts';

describe('copyTextToCsv', () => {
  it('turns COPY text lines into CSV lines, neutralising formula starts, whatever the chunks', async () => {
    const copy = Buffer.from(
      '12.10.09.2001\t2026-10\t=HYPERLINK("x")\t7\t\\N\nDesa P\u00e9\\tdua\tx,y\t-5\t\\\\\n',
      'utf8',
    );
    // Chunks cut inside a line and inside the two bytes of é.
    const at = copy.indexOf(0xc3) + 1;
    const chunks = [copy.subarray(0, 5), copy.subarray(5, at), copy.subarray(at)];
    expect(await text(Readable.from(chunks).pipe(copyTextToCsv()))).toBe(
      '12.10.09.2001,2026-10,"\'=HYPERLINK(""x"")",7,\n' + 'Desa P\u00e9\tdua,"x,y",-5,\\\n',
    );
  });
});
