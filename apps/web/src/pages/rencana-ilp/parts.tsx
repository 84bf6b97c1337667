// Small pieces shared by the planner's cards: the stage colour square (as on the map) and the hatched square of a
// wilayah kerja that is still a proposal (the map's hatch, styles.css .swatch--hatch).
import type { IlpStageCode } from '@peta/domain';
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
