// The card for the hovered wilayah (from the map or the table): name, capaian, numerator/denominator, target
// (and the share expected by this period), the gap in people, and the > 100 % flag. Pinned in the map's corner
// rather than following the pointer, so it never hides the polygon under the pointer and works from the table.
import type { IndicatorDto, ValueRow } from '@peta/domain/contract';
import { useT } from '../../i18n/i18n.tsx';
import { Swatch } from './Swatch.tsx';
import { coverageText, fractionText, gapLine, targetText } from './value-text.ts';

export function HoverCard({ row, def, colour }: { row: ValueRow; def: IndicatorDto; colour: string }) {
  const t = useT();
  const gap = gapLine(row, def, t);
  const target = targetText(row, def, t);
  const fraction = fractionText(row);
  return (
    <div className="hover-card" role="status" aria-live="polite" data-testid="hover-card">
      <p className="hover-card__name" data-testid="hover-card-name">{row.nama}</p>
      <p className="hover-card__value">
        <Swatch color={colour} hatch={false} />
        <span className="hover-card__coverage" data-testid="hover-card-coverage">{coverageText(row, def, t)}</span>
        {row.over100 && <span className="tag tag--flag" title={t('value.over100Title')} data-testid="hover-card-over100">{t('value.over100')}</span>}
        <span className="hover-card__class">{t(`value.class.${row.class}`)}</span>
      </p>
      {fraction && <p>{t('value.fraction', { fraction })}</p>}
      {target && <p>{target}</p>}
      {gap && <p className="hover-card__gap" data-testid="hover-card-gap">{gap}</p>}
      {row.coverage !== null && row.reported < row.expectedReports && (
        <p className="hover-card__muted">{t('value.reports', { reported: row.reported, expected: row.expectedReports })}</p>
      )}
    </div>
  );
}
