// Small pieces shared by the planner's cards: the stage colour square (as on the map), the hatched square of a
// wilayah kerja that is still a proposal (the map's hatch, styles.css .swatch--hatch), and the day a change of
// wilayah kerja takes effect.
import type { IlpStageCode } from '@peta/domain';
import type { TFunction } from '../../i18n/i18n.tsx';
import { NO_PUSKESMAS_COLOUR, STAGE_COLOURS } from './planner-model.ts';

export function StageSwatch({ stage }: { stage: IlpStageCode | null }) {
  return (
    <span
      className="swatch"
      style={{ background: stage ? STAGE_COLOURS[stage] : NO_PUSKESMAS_COLOUR }}
      aria-hidden="true"
    />
  );
}

export function UnconfirmedSwatch() {
  return <span className="swatch swatch--hatch" aria-hidden="true" />;
}

/** "Berlaku mulai": the day a move of desa takes effect (months before it stay with the old puskesmas). */
export function MoveFromField({
  t,
  value,
  onChange,
  testId,
  disabled,
  help = true,
}: {
  t: TFunction;
  value: string;
  onChange: (day: string) => void;
  testId: string;
  disabled?: boolean;
  /** The sentence under the field (left out where the card explains it already). */
  help?: boolean;
}) {
  return (
    <label>
      {t('rencana.moveFrom')}
      <input
        type="date"
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        data-testid={testId}
      />
      {help && <small>{t('rencana.moveFromHelp')}</small>}
    </label>
  );
}
