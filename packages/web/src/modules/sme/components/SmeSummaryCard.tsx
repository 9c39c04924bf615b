import { Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import type { SmeStatus } from '../../../api/types';
import { currentLanguage } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { declaredState } from '../lib/sme';
import { Stars } from './Stars';

function Row({
  label,
  value,
  done,
  percent,
}: {
  label: string;
  value: string;
  done: boolean;
  percent: number;
}) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={600} c={done ? 'teal.8' : undefined} style={{ flexShrink: 0 }}>
          {done ? '✓ ' : ''}
          {value}
        </Text>
      </Group>
      <Progress value={percent} color={done ? 'teal' : 'indigo'} size="sm" aria-hidden />
    </Stack>
  );
}

/** The organization's progress toward SECURITY ACTION ★ / ★★, on the overview page. */
export function SmeSummaryCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation('sme');
  const lang = currentLanguage();
  const [status, setStatus] = useState<SmeStatus | null>(null);

  useEffect(() => {
    let active = true;
    api.smeStatus(orgId).then(
      (s) => active && setStatus(s),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [orgId]);

  if (!status) return null;
  const { fiveRules, selfCheck, policy, eligibility } = status;
  const declared = declaredState(status);
  const shownLevel = declared?.declaration.level ?? eligibility.level;
  const policyValue = policy.published
    ? t('sme.summary.policyPublished')
    : policy.set
      ? t('sme.summary.policySet')
      : t('sme.summary.policyNone');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sme-summary-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4" id="sme-summary-title">
            {t('sme.summary.title')}
          </Title>
          <Group gap={6} wrap="nowrap">
            <Stars level={shownLevel} />
            <Badge
              variant="light"
              color={declared ? 'teal' : eligibility.level === 'none' ? 'gray' : 'yellow'}
              tt="none"
              data-testid="sme-summary-level"
            >
              {declared
                ? t('sme.summary.levelDeclared', { level: t(`sme.levels.${declared.declaration.level}`) })
                : eligibility.level === 'none'
                  ? t('sme.summary.levelNone')
                  : t('sme.summary.levelEligible', { level: t(`sme.levels.${eligibility.level}`) })}
            </Badge>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Row
            label={t('sme.stepsShort.rules')}
            value={t('sme.summary.of', { n: fiveRules.declared, total: fiveRules.total })}
            done={fiveRules.total > 0 && fiveRules.declared >= fiveRules.total}
            percent={fiveRules.total ? (fiveRules.declared / fiveRules.total) * 100 : 0}
          />
          <Row
            label={t('sme.stepsShort.check')}
            value={
              selfCheck.answered >= selfCheck.total && selfCheck.points !== null
                ? t('sme.summary.points', { points: selfCheck.points })
                : t('sme.summary.of', { n: selfCheck.answered, total: selfCheck.total })
            }
            done={selfCheck.total > 0 && selfCheck.answered >= selfCheck.total}
            percent={selfCheck.total ? (selfCheck.answered / selfCheck.total) * 100 : 0}
          />
          <Row
            label={t('sme.stepsShort.policy')}
            value={policyValue}
            done={policy.published}
            percent={policy.published ? 100 : policy.set ? 50 : 0}
          />
        </SimpleGrid>
        {declared ? <DeclaredNote state={declared} lang={lang} /> : null}
        <Group justify="flex-end">
          <Button
            component={Link}
            to={declared ? `/orgs/${orgId}/sme?step=action` : `/orgs/${orgId}/sme`}
            variant="light"
          >
            {declared
              ? t('sme.summary.review')
              : fiveRules.declared === 0 && selfCheck.answered === 0 && !policy.set
                ? t('sme.summary.start')
                : t('sme.summary.continue')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The recorded declaration: its date and ID, and what to do next (a year on, or declare ★★). */
export function DeclaredNote({
  state,
  lang,
}: {
  state: NonNullable<ReturnType<typeof declaredState>>;
  lang: ReturnType<typeof currentLanguage>;
}) {
  const { t } = useTranslation('sme');
  const d = state.declaration;
  return (
    <Stack gap={4} data-testid="sme-declared">
      <Text size="sm">
        {t('sme.action.declaredOnLine', { date: formatDate(d.declaredOn, lang), id: d.declarationId })}
      </Text>
      <Text size="sm" fw={600} c={state.canUpgrade ? 'yellow.9' : 'indigo.8'}>
        {state.canUpgrade
          ? t('sme.action.canUpgrade')
          : t('sme.action.nextYear', { date: formatDate(state.reviewOn, lang) })}
      </Text>
    </Stack>
  );
}
