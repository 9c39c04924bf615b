import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import type { ChainNode } from '../api';
import { nodeColor } from './chainFilter';
import { CriticalityBadge } from './meta';

/** The selected chain node: what it supplies, ★ required/held, the latest accepted score, who shared it. */
export function ChainDetails({
  node,
  orgId,
  concentration,
}: {
  node: ChainNode | null;
  orgId: string;
  concentration: number | null;
}) {
  const { t } = useTranslation('supplychain');
  const lang = currentLanguage();
  return (
    <Paper withBorder p="md" data-testid="chain-details" aria-live="polite">
      <Text fw={600} mb="xs">
        {t('supplychain.chainPage.details')}
      </Text>
      {node === null ? (
        <Text size="sm" c="dimmed">
          {t('supplychain.chainPage.detailsHint')}
        </Text>
      ) : (
        <Stack gap={6}>
          <Group gap="xs">
            <Text fw={600}>{node.name}</Text>
            <CriticalityBadge value={node.criticality} />
            {concentration ? (
              <Badge color="red" size="sm">
                {t('supplychain.chainPage.concentration', { count: concentration })}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm">
            {t('supplychain.chainPage.tier')}: {t('supplychain.tierN', { tier: node.tier })}
            {node.corporateNumber ? ` / ${node.corporateNumber}` : ''}
          </Text>
          <Text size="sm">
            {t('supplychain.chainPage.supplies')}:{' '}
            {node.supplies.length === 0
              ? '—'
              : node.supplies.map((s) => t(`supplychain.supplies.${s}`)).join('、')}
          </Text>
          <Text size="sm">
            {t('supplychain.chainPage.star')}:{' '}
            {node.starRequired === null ? t('supplychain.starNone') : `★${node.starRequired}`} /{' '}
            {node.starHeld === null ? '—' : `★${node.starHeld}`}
            {node.starAttested ? (
              <Badge ml="xs" size="sm" variant="outline" color="teal">
                {t('supplychain.starAttested.badge')}
              </Badge>
            ) : null}
          </Text>
          <Group gap="xs">
            <Text size="sm">{t('supplychain.chainPage.scoreDetail')}:</Text>
            {node.score === null ? (
              <Text size="sm">{t('supplychain.chainPage.noScore')}</Text>
            ) : (
              <Badge color={nodeColor(node)} variant="light">
                {t('supplychain.chainPage.score', { score: node.score })}
                {node.scoredAt ? ` (${formatDate(node.scoredAt, lang)})` : ''}
              </Badge>
            )}
            <Badge size="sm" variant="outline" color={node.statusKnown ? 'green' : 'gray'}>
              {node.statusKnown
                ? t('supplychain.chainPage.statusKnown')
                : t('supplychain.chainPage.statusUnknown')}
            </Badge>
          </Group>
          <Text size="sm">
            {t('supplychain.chainPage.sharedBy')}:{' '}
            {node.source === 'shared' ? (node.sharedByName ?? '—') : t('supplychain.chainPage.record')}
          </Text>
          {node.source === 'record' ? (
            <Anchor component={Link} to={`/orgs/${orgId}/suppliers/${node.id}`} size="sm">
              {t('supplychain.chainPage.openSupplier')}
            </Anchor>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}
