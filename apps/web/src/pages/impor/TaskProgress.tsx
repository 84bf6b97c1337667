// How far a long step has come (a large file's upload, the commit's phases): a labelled <progress> whose aria-valuetext
// says it in words, inside a polite live region so a screen reader hears the phases change, not every byte.
import { useId } from 'react';

export interface TaskProgressProps {
  label: string;
  /** Omitted: the step runs without a known end (the server reading the file). */
  value?: number;
  max?: number;
  valueText: string;
  testId: string;
}

export function TaskProgress({ label, value, max, valueText, testId }: TaskProgressProps) {
  const id = useId();
  return (
    <div className="imp-progress" data-testid={testId}>
      <span id={id} className="imp-progress__label">
        {label}
      </span>
      <progress aria-labelledby={id} aria-valuetext={valueText} {...(value === undefined ? {} : { value, max })} />
      <span className="imp-progress__text" aria-hidden="true">
        {valueText}
      </span>
    </div>
  );
}
