import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { useGuidedAssessment } from './useGuidedAssessment';

/** Loading, failure and read-only notices of a guided assessment (nothing when it can be answered). */
export function GuidedState({
  guided,
  canWrite,
  notices = true,
}: {
  guided: ReturnType<typeof useGuidedAssessment>;
  /** Whether the user's role may answer. */
  canWrite: boolean;
  /** Show the read-only notices (off where the step only shows results). */
  notices?: boolean;
}) {
  const { t } = useTranslation(['sme', 'assessments']);
  if (guided.loading && !guided.pack)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (guided.failed || !guided.pack)
    return (
      <Alert color="yellow" title={t('sme.catalogMissingTitle')}>
        {t('sme.catalogMissing')}
      </Alert>
    );
  if (!notices) return null;
  if (!canWrite)
    return (
      <Alert color="gray" variant="light">
        {t('sme.readOnly')}
      </Alert>
    );
  if (guided.assessment && guided.assessment.status !== 'draft')
    return (
      <Alert color="gray" title={t('sme.lockedTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {t('sme.locked', { status: t(`assessments:assessments.statuses.${guided.assessment.status}`) })}
          </Text>
          <Button variant="light" onClick={() => void guided.startNew()}>
            {t('sme.startNew')}
          </Button>
        </Stack>
      </Alert>
    );
  return null;
}
