import { Alert, Badge, Button, Group, Paper, RingProgress, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { answerLabel, itemsToFix, modelOf, tx } from '../../../lib/catalog';
import { GuidedState } from './GuidedState';
import { ScoreHistory } from './ScoreHistory';
import { SharePanel } from './SharePanel';
import { useGuidedAssessment } from './useGuidedAssessment';

/** Colors of the self-check's score bands (best → urgent). */
const BAND_COLORS: Record<string, string> = { best: 'teal', mostly: 'blue', gaps: 'yellow', urgent: 'red' };

/** Step 3: the self-check's score, its band and advice, the items to fix first, and sharing with a buyer. */
export function ScoreStep({
  orgId,
  reviewer,
  assessmentId,
  onAnswer,
}: {
  orgId: string;
  reviewer: boolean;
  assessmentId: string | null;
  onAnswer: () => void;
}) {
  const { t } = useTranslation(['sme', 'assessments']);
  const lang = currentLanguage();
  const [showAll, setShowAll] = useState(false);
  const guided = useGuidedAssessment({
    orgId,
    assessmentId,
    catalogId: null,
    title: '',
    writer: false,
    onChanged: () => undefined,
  });
  const { pack, score, answerMap } = guided;
  const fixes = useMemo(() => (pack ? itemsToFix(pack, pack.nodes, answerMap) : []), [pack, answerMap]);

  if (!assessmentId)
    return (
      <Alert color="indigo" title={t('sme.score.noneTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('sme.score.none')}</Text>
          <Button onClick={onAnswer}>{t('sme.score.toCheck')}</Button>
        </Stack>
      </Alert>
    );
  if (!pack || !score || !guided.assessment)
    return <GuidedState guided={guided} canWrite={false} notices={false} />;

  const overall = score.overall;
  const band = overall.band;
  const color = (band && BAND_COLORS[band.id]) ?? 'indigo';
  const missing = overall.items - overall.answered;
  const shown = showAll ? fixes : fixes.slice(0, 5);

  return (
    <Stack>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <Title order={3} size="h4">
            {t('sme.score.title')}
          </Title>
          <Group gap="lg" wrap="wrap" align="center">
            <RingProgress
              size={132}
              thickness={12}
              roundCaps
              sections={[{ value: Math.max(0, Math.min(100, overall.percent ?? 0)), color }]}
              label={
                <Stack gap={0} align="center">
                  <Text fz={30} fw={800} lh={1} data-testid="sme-points">
                    {overall.points}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('sme.score.outOf', { max: overall.max })}
                  </Text>
                </Stack>
              }
              aria-label={t('sme.score.pointsAria', { points: overall.points, max: overall.max })}
            />
            <Stack gap={4} style={{ flex: '1 1 220px' }}>
              {band ? (
                <Text fw={700} size="lg" c={`${color}.8`} data-testid="sme-band">
                  {tx(band.label, lang)}
                </Text>
              ) : null}
              {band?.advice ? <Text size="sm">{tx(band.advice, lang)}</Text> : null}
            </Stack>
          </Group>
          {missing > 0 ? (
            <Alert color="yellow" variant="light">
              <Group justify="space-between" gap="xs">
                <Text size="sm">{t('sme.score.partial', { count: missing })}</Text>
                <Button size="xs" variant="light" onClick={onAnswer}>
                  {t('sme.score.toCheck')}
                </Button>
              </Group>
            </Alert>
          ) : null}
        </Stack>
      </Paper>

      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('sme.score.fixTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('sme.score.fixIntro')}
          </Text>
          {fixes.length === 0 ? (
            <Text size="sm">{t('sme.score.fixNone')}</Text>
          ) : (
            <Stack
              gap="sm"
              component="ol"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('sme.score.fixTitle')}
            >
              {shown.map((fix) => {
                const model = modelOf(pack, fix.node);
                const value = answerMap.get(fix.ref) ?? null;
                return (
                  <Paper key={fix.ref} component="li" withBorder p="sm" bg="gray.0">
                    <Stack gap={6}>
                      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                        <Text size="sm" fw={700} style={{ minWidth: 0 }}>
                          {t('sme.check.number', { ref: fix.ref })} {tx(fix.node.title, lang)}
                        </Text>
                        <Badge
                          variant="light"
                          tt="none"
                          style={{ flexShrink: 0 }}
                          color={
                            fix.reason === 'unknown'
                              ? 'orange'
                              : fix.reason === 'no'
                                ? 'red'
                                : fix.reason === 'low'
                                  ? 'yellow'
                                  : 'gray'
                          }
                        >
                          {value ? answerLabel(model, value, lang) : t('assessments:workspace.notAnswered')}
                        </Badge>
                      </Group>
                      {fix.node.guidance ? (
                        <Text size="sm">
                          <Text span size="sm" fw={700} c="teal.8">
                            {t('assessments:workspace.guidance')}:{' '}
                          </Text>
                          {tx(fix.node.guidance, lang)}
                        </Text>
                      ) : null}
                    </Stack>
                  </Paper>
                );
              })}
            </Stack>
          )}
          {fixes.length > 5 ? (
            <Button variant="subtle" onClick={() => setShowAll((s) => !s)} style={{ alignSelf: 'center' }}>
              {showAll ? t('sme.score.showFewer') : t('sme.score.showAll', { count: fixes.length })}
            </Button>
          ) : null}
        </Stack>
      </Paper>

      <ScoreHistory orgId={orgId} />

      <SharePanel
        orgId={orgId}
        reviewer={reviewer}
        assessment={{ id: guided.assessment.id, title: guided.assessment.title }}
      />
    </Stack>
  );
}
