import { DateField } from '../../../components/DateField';
import type { AnswerModel, AnswerValue } from '../../../api/types';

/** A date answer (YYYY-MM-DD): the browser's date picker, bounded by the model; emptied = unanswered. */
export function DateControl({
  model,
  value,
  disabled,
  label,
  onChange,
}: {
  model: Extract<AnswerModel, { kind: 'date' }>;
  value: AnswerValue | null;
  disabled: boolean;
  label: string;
  onChange: (value: AnswerValue | null) => void;
}) {
  return (
    <DateField
      aria-label={label}
      value={value?.kind === 'date' ? value.value : ''}
      min={model.notBefore}
      max={model.notAfter}
      disabled={disabled}
      onChange={(event) => {
        const next = event.currentTarget.value;
        onChange(next === '' ? null : { kind: 'date', value: next });
      }}
      maw={220}
    />
  );
}
