import { Alert, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LocalText } from '../../../api/types';
import { currentLanguage } from '../../../i18n';
import { tx } from '../../../lib/catalog';

/** The overall progress bar and, when the catalog has bands, the band with its advice. */
export function ScoreBand({
  percent,
  band,
}: {
  percent: number | null;
  band: { label: LocalText; advice?: LocalText } | null;
}) {
  const { t } = useTranslation('assessments');
  const lang = currentLanguage();
  return (
    <>
      <Progress value={percent ?? 0} size="lg" color="indigo" aria-label={t('results.overall')} />
      {band ? (
        <Alert color="indigo" variant="light" title={tx(band.label, lang)}>
          {band.advice ? <Text size="sm">{tx(band.advice, lang)}</Text> : null}
        </Alert>
      ) : null}
    </>
  );
}
