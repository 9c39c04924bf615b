import {
  Alert,
  Box,
  Button,
  Group,
  Paper,
  Progress,
  Stack,
  Switch,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, PackNode } from '../../../api/types';
import { currentLanguage } from '../../../i18n';
import { tx } from '../../../lib/catalog';
import { todayInTokyo } from '../../../lib/format';
import { guidedItems } from '../lib/sme';
import { GuidedState } from './GuidedState';
import { useGuidedAssessment } from './useGuidedAssessment';

const isDeclared = (value: AnswerValue | null | undefined) =>
  value?.kind === 'choice' && value.value === 'declared';

function Rule({
  n,
  node,
  checked,
  disabled,
  onChange,
}: {
  n: number;
  node: PackNode;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation('sme');
  const lang = currentLanguage();
  const titleId = useId();
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      role="group"
      aria-labelledby={titleId}
      style={{
        borderLeft: `4px solid var(--mantine-color-${checked ? 'teal-5' : 'gray-3'})`,
      }}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon radius="xl" size="lg" color={checked ? 'teal' : 'indigo'} variant="light" aria-hidden>
          <Text fw={700}>{n}</Text>
        </ThemeIcon>
        <Stack gap={8} style={{ flex: 1, minWidth: 0 }}>
          <Title order={3} size="h5" id={titleId}>
            {tx(node.title, lang)}
          </Title>
          {node.description ? (
            <Box>
              <Text size="xs" fw={700} c="dimmed">
                {t('sme.rules.meaning')}
              </Text>
              <Text size="sm">{tx(node.description, lang)}</Text>
            </Box>
          ) : null}
          {node.guidance ? (
            <Box p="xs" bg="teal.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
              <Text size="xs" fw={700} c="teal.8">
                {t('sme.rules.firstSteps')}
              </Text>
              <Text size="sm">{tx(node.guidance, lang)}</Text>
            </Box>
          ) : null}
          <Switch
            size="lg"
            color="teal"
            mt={4}
            checked={checked}
            disabled={disabled}
            onChange={(event) => onChange(event.currentTarget.checked)}
            label={t('sme.rules.commit')}
            onLabel="✓"
          />
        </Stack>
      </Group>
    </Paper>
  );
}

/** Step 1: the five basic rules, each with what it means and the first steps, and a "we commit" switch. */
export function FiveRulesStep({
  orgId,
  writer,
  assessmentId,
  catalogId,
  onChanged,
  onNext,
}: {
  orgId: string;
  writer: boolean;
  assessmentId: string | null;
  catalogId: string | null;
  onChanged: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation('sme');
  const guided = useGuidedAssessment({
    orgId,
    assessmentId,
    catalogId,
    title: t('sme.rules.assessmentTitle', { date: todayInTokyo() }),
    writer,
    onChanged,
  });
  const { pack, answers } = guided;
  if (!pack) return <GuidedState guided={guided} canWrite={writer} />;

  const items = guidedItems(pack);
  const declared = items.filter((i) => isDeclared(answers[i.ref])).length;
  const all = items.length > 0 && declared === items.length;

  return (
    <Stack>
      <Text size="sm">{t('sme.rules.intro')}</Text>
      <GuidedState guided={guided} canWrite={writer} />
      {items.map((item, i) => (
        <Rule
          key={item.ref}
          n={i + 1}
          node={item.node}
          checked={isDeclared(answers[item.ref])}
          disabled={!guided.editable}
          onChange={(checked) =>
            guided.answer(item.ref, { kind: 'choice', value: checked ? 'declared' : 'not_yet' })
          }
        />
      ))}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600} data-testid="rules-count">
            {t('sme.rules.count', { count: declared, total: items.length })}
          </Text>
          <Progress
            value={items.length ? (declared / items.length) * 100 : 0}
            color="teal"
            size="lg"
            aria-label={t('sme.rules.count', { count: declared, total: items.length })}
          />
          {all ? (
            <Alert color="teal" title={t('sme.rules.allTitle')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('sme.rules.allBody')}</Text>
                <Button onClick={onNext}>{t('sme.rules.toCheck')}</Button>
              </Stack>
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('sme.rules.notAll')}
            </Text>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
