import { Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { can } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import type { CatalogSummary, SmeStatus } from '../../../api/types';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { FiveRulesStep } from '../components/FiveRulesStep';
import { PolicyStep } from '../components/PolicyStep';
import { ScoreStep } from '../components/ScoreStep';
import { SecurityActionStep } from '../components/SecurityActionStep';
import { SelfCheckStep } from '../components/SelfCheckStep';
import { StepNav } from '../components/StepNav';
import { notifyError } from '../../../lib/notify';
import {
  FIVE_RULES_URN,
  SELF_CHECK_URN,
  SME_STEPS,
  firstOpenStep,
  latestCatalog,
  stepsDone,
  type SmeStep,
} from '../lib/sme';

const isStep = (value: string | null): value is SmeStep =>
  (SME_STEPS as readonly (string | null)[]).includes(value);

/**
 * 中小企業向け: a guided flow to SECURITY ACTION ★ / ★★ in five steps — the five rules, the 25-item
 * self-check, the score, the basic policy and the declaration. The step is kept in `?step=`.
 */
export function SmePage() {
  const { t } = useTranslation('sme');
  const { orgId, role, membership } = useOrg();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<SmeStatus | null>(null);
  const [catalogs, setCatalogs] = useState<CatalogSummary[] | null>(null);
  const [companyName, setCompanyName] = useState(membership.organization.name);
  const writer = can(role, 'assessments.write');
  const reviewer = can(role, 'assessments.review');

  const reload = useCallback(
    () =>
      api.smeStatus(orgId).then(
        (s) => setStatus(s),
        (error: unknown) => notifyError(error),
      ),
    [orgId],
  );

  useEffect(() => {
    void reload();
    api.catalogs(orgId).then(
      (r) => setCatalogs(r.items),
      (error: unknown) => {
        setCatalogs([]);
        notifyError(error);
      },
    );
    api.organization(orgId).then(
      (r) => setCompanyName(r.organization.name),
      () => undefined,
    );
  }, [orgId, reload]);

  const param = params.get('step');
  const step: SmeStep | null = isStep(param) ? param : status ? firstOpenStep(status) : null;

  // Keep the step in the URL so that reloading (or sharing the link) opens the same step.
  useEffect(() => {
    if (step && param !== step) setParams({ step }, { replace: true });
  }, [step, param, setParams]);

  // Each step reads the status afresh (what the previous step saved counts at once).
  useEffect(() => {
    if (param) void reload();
  }, [param, reload]);

  const go = (next: SmeStep) => {
    setParams({ step: next });
    window.scrollTo({ top: 0 });
  };

  if (!status || !catalogs || !step)
    return (
      <Stack>
        <PageHeader title={t('sme.title')} />
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      </Stack>
    );

  const done = stepsDone(status);
  const index = SME_STEPS.indexOf(step);
  const prev = SME_STEPS[index - 1];
  const next = SME_STEPS[index + 1];
  const rulesCatalog = latestCatalog(catalogs, FIVE_RULES_URN);
  const checkCatalog = latestCatalog(catalogs, SELF_CHECK_URN);
  const changed = () => void reload();

  return (
    <Stack maw={1100} gap="md">
      <PageHeader title={t('sme.title')} description={t('sme.intro')} />
      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        <StepNav current={step} done={done} onSelect={go} />
      </Paper>
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {t('sme.stepOf', { n: index + 1, total: SME_STEPS.length })}
        </Text>
        <Title order={2} size="h3">
          {t(`sme.steps.${step}`)}
        </Title>
      </Stack>

      {step === 'rules' ? (
        <FiveRulesStep
          key={`rules-${orgId}`}
          orgId={orgId}
          writer={writer}
          assessmentId={status.fiveRules.assessmentId}
          catalogId={rulesCatalog?.id ?? null}
          onChanged={changed}
          onNext={() => go('check')}
        />
      ) : step === 'check' ? (
        <SelfCheckStep
          key={`check-${orgId}`}
          orgId={orgId}
          writer={writer}
          assessmentId={status.selfCheck.assessmentId}
          catalogId={checkCatalog?.id ?? null}
          onChanged={changed}
          onNext={() => go('score')}
        />
      ) : step === 'score' ? (
        <ScoreStep
          key={`score-${status.selfCheck.assessmentId ?? ''}`}
          orgId={orgId}
          reviewer={reviewer}
          assessmentId={status.selfCheck.assessmentId}
          onAnswer={() => go('check')}
        />
      ) : step === 'policy' ? (
        <PolicyStep
          orgId={orgId}
          writer={writer}
          reviewer={reviewer}
          companyName={companyName}
          publicUrl={status.policy.publicUrl}
          onChanged={changed}
          onNext={() => go('action')}
        />
      ) : (
        <SecurityActionStep
          orgId={orgId}
          reviewer={reviewer}
          status={status}
          onChanged={changed}
          onGoto={go}
        />
      )}

      <Group justify="space-between" mt="sm">
        {prev ? (
          <Button variant="default" size="md" onClick={() => go(prev)}>
            ← {t('sme.back')}
          </Button>
        ) : (
          <span />
        )}
        {next ? (
          <Button size="md" onClick={() => go(next)}>
            {t('sme.next', { name: t(`sme.stepsShort.${next}`) })} →
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
