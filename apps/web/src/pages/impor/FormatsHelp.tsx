// The file formats in a few words, and the README's section on imports (bundled at build time) behind a link.
import { useMemo, useRef } from 'react';
import readme from '../../../../../README.md?raw';
import { useT } from '../../i18n/i18n.tsx';
import { extractSection, parseBlocks, type Inline } from './readme-section.ts';

export const GUIDE_ID = 'panduan-impor';

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((s, i) =>
        s.kind === 'bold' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed text, never reordered.
          <strong key={i}>{s.text}</strong>
        ) : s.kind === 'code' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed text, never reordered.
          <code key={i}>{s.text}</code>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

export function FormatsHelp() {
  const t = useT();
  const details = useRef<HTMLDetailsElement>(null);
  const blocks = useMemo(() => parseBlocks(extractSection(readme)), []);
  const openGuide = () => {
    if (details.current) details.current.open = true;
  };
  return (
    <aside className="imp-formats" aria-labelledby="imp-formats-h" data-testid="formats-help">
      <h3 id="imp-formats-h" className="imp-formats__title">
        {t('impor.formats.title')}
      </h3>
      <ol className="imp-formats__list">
        <li>
          <strong>{t('impor.format.template')}</strong> — {t('impor.formats.template')}
        </li>
        <li>
          <strong>{t('impor.format.long')}</strong> — {t('impor.formats.long')}{' '}
          <code>kode_wilayah, periode, indikator, pembilang, penyebut</code>
        </li>
        <li>
          <strong>{t('impor.format.sasaran')}</strong> — {t('impor.formats.sasaran')}{' '}
          <code>kode_wilayah, tahun, sasaran, jumlah, sumber</code>
        </li>
        <li>
          <strong>{t('impor.formats.exchangeTitle')}</strong> — {t('impor.formats.exchange')}
        </li>
        <li>
          <strong>{t('impor.format.profil')}</strong> — {t('impor.formats.profil')}
        </li>
      </ol>
      <p className="imp-formats__more">
        {t('impor.formats.rules')}{' '}
        <a href={`#${GUIDE_ID}`} onClick={openGuide} data-testid="formats-guide-link">
          {t('impor.formats.readme')}
        </a>
      </p>
      {blocks.length > 0 && (
        <details ref={details} id={GUIDE_ID} className="imp-guide">
          <summary>{t('impor.formats.guideSummary')}</summary>
          <div className="imp-guide__body" lang="en">
            {blocks.map((b, i) =>
              b.kind === 'pre' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of one fixed text, never reordered.
                <pre key={i}>{b.text}</pre>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of one fixed text, never reordered.
                <p key={i}>
                  <Inlines inlines={b.inlines} />
                </p>
              ),
            )}
          </div>
        </details>
      )}
    </aside>
  );
}
