import { UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SME_STEPS, type SmeStep } from '../lib/sme';
import classes from './StepNav.module.css';

/** The five steps of the guided flow as numbered circles (✓ when done); any step can be opened. */
export function StepNav({
  current,
  done,
  onSelect,
}: {
  current: SmeStep;
  done: Record<SmeStep, boolean>;
  onSelect: (step: SmeStep) => void;
}) {
  const { t } = useTranslation('sme');
  return (
    <nav aria-label={t('sme.stepsLabel')}>
      <ol className={classes.list}>
        {SME_STEPS.map((step, i) => (
          <li
            key={step}
            className={classes.item}
            data-done={done[step] || undefined}
            data-current={step === current || undefined}
          >
            <UnstyledButton
              className={classes.button}
              onClick={() => onSelect(step)}
              aria-current={step === current ? 'step' : undefined}
              aria-label={t('sme.stepAria', {
                n: i + 1,
                name: t(`sme.steps.${step}`),
                state: done[step] ? t('sme.stepDone') : t('sme.stepOpen'),
              })}
            >
              <span className={classes.circle} aria-hidden>
                {done[step] && step !== current ? '✓' : i + 1}
              </span>
              <span className={classes.label} aria-hidden>
                {t(`sme.stepsShort.${step}`)}
              </span>
            </UnstyledButton>
          </li>
        ))}
      </ol>
    </nav>
  );
}
