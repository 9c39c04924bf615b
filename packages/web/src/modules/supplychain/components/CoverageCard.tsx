import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../api';

function Rate({ label, cell }: { label: string; cell: Coverage['overall'] }) {
  const { t } = useTranslation('supplychain');
  const pct = cell.rate === null ? null : Math.round(cell.rate * 100);
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={600}>
          {pct === null ? t('supplychain.coverage.none') : `${pct}%`}{' '}
          <Text span size="xs" c="dimmed">
            ({t('supplychain.coverage.rate', { known: cell.known, total: cell.total })})
          </Text>
        </Text>
      </Group>
      <Progress value={pct ?? 0} size="sm" aria-label={label} />
    </Stack>
  );
}

/** 状況把握率 overall, by criticality and by tier. */
export function CoverageCard({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation('supplychain');
  return (
    <Paper withBorder p="md" data-testid="coverage">
      <Stack gap="sm">
        <Text fw={600}>{t('supplychain.coverage.title')}</Text>
        <Rate label={t('supplychain.coverage.overall')} cell={coverage.overall} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Stack gap={6}>
            <Text size="xs" c="dimmed">
              {t('supplychain.coverage.byCriticality')}
            </Text>
            {(['high', 'medium', 'low'] as const).map((c) => (
              <Rate key={c} label={t(`supplychain.criticality.${c}`)} cell={coverage.byCriticality[c]} />
            ))}
          </Stack>
          <Stack gap={6}>
            <Text size="xs" c="dimmed">
              {t('supplychain.coverage.byTier')}
            </Text>
            {coverage.byTier.map((b) => (
              <Rate key={b.tier} label={t('supplychain.tierN', { tier: b.tier })} cell={b.cell} />
            ))}
          </Stack>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('supplychain.coverage.note')}
        </Text>
      </Stack>
    </Paper>
  );
}
