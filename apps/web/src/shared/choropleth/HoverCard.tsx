// The card for the hovered wilayah (from the map or the table): name, capaian and class with what it is judged on,
// numerator/denominator, target (and the share expected by this period), the two counts of people each under its own
// name, and the > 100 % flag. Pinned in the map's corner
// rather than following the pointer, so it never hides the polygon under the pointer and works from the table.
import type { Period } from '@peta/domain';
import type { IndicatorDto, ValueRow } from '@peta/domain/contract';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { Swatch } from './Swatch.tsx';
import {
  coverageText,
  fractionText,
  judgedOnText,
  notYetServedLine,
  reportsText,
  shortOfTargetLine,
  targetText,
} from './value-text.ts';

export function HoverCard({
  row,
  def,
  colour,
  period,
}: {
  row: ValueRow;
  def: IndicatorDto;
  colour: string;
  period: Period;
}) {
  const t = useT();
  const [lang] = useLang();
  const short = shortOfTargetLine(row, def, t);
  const unserved = notYetServedLine(row, def, t);
  const basis = judgedOnText(row, def, period, t, lang);
  const target = targetText(row, def, t);
  const fraction = fractionText(row);
  return (
    <div className="hover-card" role="status" aria-live="polite" data-testid="hover-card">
      <p className="hover-card__name" data-testid="hover-card-name">
        {row.nama}
      </p>
      <p className="hover-card__value">
        <Swatch color={colour} hatch={false} />
        <span className="hover-card__coverage" data-testid="hover-card-coverage">
          {coverageText(row, def, t)}
        </span>
        {row.over100 && (
          <span className="tag tag--flag" title={t('value.over100Title')} data-testid="hover-card-over100">
            {t('value.over100')}
          </span>
        )}
        <span className="hover-card__class" data-testid="hover-card-class">
          {t(`value.class.${row.class}`)}
        </span>
      </p>
      {basis && (
        <p className="hover-card__muted" data-testid="hover-card-basis">
          {basis}
        </p>
      )}
      {fraction && <p>{t('value.fraction', { fraction })}</p>}
      {target && <p>{target}</p>}
      {short && (
        <p className="hover-card__gap" data-testid="hover-card-short">
          {short}
        </p>
      )}
      {unserved && (
        <p className="hover-card__gap" data-testid="hover-card-unserved">
          {unserved}
        </p>
      )}
      {row.coverage !== null && row.reported < row.expectedReports && (
        <p className="hover-card__muted">{reportsText(row, t)}</p>
      )}
    </div>
  );
}
