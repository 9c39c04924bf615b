import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReceivedShare } from '../../../api/types';
import { currentLanguage } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { Stars } from './Stars';

export type SharedSme = NonNullable<ReceivedShare['sme']>;

/**
 * The real state of a supplier's shared SME assessment (they are never submitted, so the engine's
 * 「下書き」 says nothing): completed on a date, or how far it is.
 */
export function SharedSmeState({ sme }: { sme: SharedSme }) {
  const { t } = useTranslation('sme');
  const lang = currentLanguage();
  return sme.state === 'completed' ? (
    <Badge color="teal" variant="light" tt="none" data-testid="shared-sme-state">
      {t('sme.shared.completed', { date: formatDate(sme.completedAt, lang) })}
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" tt="none" data-testid="shared-sme-state">
      {t('sme.shared.inProgress', { answered: sme.answered, items: sme.items })}
    </Badge>
  );
}

/** What the buyer sees beside a shared SME assessment: its state, the SECURITY ACTION declaration, the policy. */
export function SharedSmeDetails({ sme }: { sme: SharedSme }) {
  const { t } = useTranslation('sme');
  const lang = currentLanguage();
  const d = sme.declaration;
  return (
    <Paper withBorder p="md" data-testid="shared-sme">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('sme.shared.title')}
        </Title>
        <Group gap="xs">
          <SharedSmeState sme={sme} />
          <Text size="sm" c="dimmed">
            {t('sme.shared.updated', { date: formatDate(sme.updatedAt, lang) })}
          </Text>
        </Group>
        {d ? (
          <Group gap="xs" wrap="wrap">
            <Stars level={d.level} />
            <Text size="sm" fw={600}>
              {t('sme.shared.declared', { level: t(`sme.levels.${d.level}`) })}
            </Text>
            <Text size="sm">
              {t('sme.shared.declaration', { id: d.declarationId, date: formatDate(d.declaredOn, lang) })}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('sme.shared.noDeclaration')}
          </Text>
        )}
        {sme.policyUrl ? (
          <Anchor href={sme.policyUrl} target="_blank" rel="noopener noreferrer" size="sm">
            {t('sme.shared.policy')}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {t('sme.shared.noPolicy')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
