// The VEX history of a release: every statement read from a file or set by hand, oldest first, and
// whether it stood (the most specific, then the latest statement wins; a broader or older one is kept
// here but does not change the finding).
import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { softwareApi, type VexHistoryEntry } from '../../../api/software';
import { DataTable, type Column } from '../../../components/DataTable';
import { notifyError } from '../../../lib/notify';

export function VexHistory({
  orgId,
  releaseId,
  version,
}: {
  orgId: string;
  releaseId: string;
  version: number;
}) {
  const { t } = useTranslation('software');
  const [items, setItems] = useState<VexHistoryEntry[] | null>(null);

  useEffect(() => {
    softwareApi.vexHistory(orgId, releaseId).then(
      (response) => setItems(response.items),
      (error: unknown) => {
        notifyError(error);
        setItems([]);
      },
    );
  }, [orgId, releaseId, version]);

  const rows = [...(items ?? [])].reverse().map((h, key) => ({ ...h, key }));
  const columns: Column<(typeof rows)[number]>[] = [
    {
      key: 'finding',
      header: t('software.vexHistory.finding'),
      primary: true,
      render: (h) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {h.advisoryId} — {h.componentRef}
        </Text>
      ),
    },
    {
      key: 'status',
      header: t('software.vex.status'),
      render: (h) => (
        <Text size="sm">
          {t(`software.vexStatus.${h.status}`, { defaultValue: h.status })}
          {h.response.length > 0 ? ` (${h.response.join(', ')})` : ''}
        </Text>
      ),
    },
    {
      key: 'scope',
      header: t('software.vexHistory.scope'),
      render: (h) => (
        <Text size="sm">{t(`software.vexHistory.specificity.${h.specificity}`, { defaultValue: '' })}</Text>
      ),
    },
    {
      key: 'source',
      header: t('software.vexHistory.source'),
      render: (h) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {h.source === 'manual' ? t('software.vexHistory.manual') : h.source.replace(/^file:/u, '')}
        </Text>
      ),
    },
    {
      key: 'applied',
      header: t('software.vexHistory.applied'),
      nowrap: true,
      render: (h) =>
        h.applied ? (
          <Badge color="green" variant="light">
            {t('software.vexHistory.stood')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('software.vexHistory.superseded')}
          </Badge>
        ),
    },
    {
      key: 'at',
      header: t('software.vexHistory.recordedAt'),
      nowrap: true,
      render: (h) => <Text size="sm">{h.recordedAt.slice(0, 16).replace('T', ' ')}</Text>,
    },
  ];

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('software.vexHistory.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('software.vexHistory.hint')}
        </Text>
        {items !== null && rows.length === 0 ? (
          <Text size="sm">{t('software.vexHistory.empty')}</Text>
        ) : (
          <DataTable
            label={t('software.vexHistory.title')}
            columns={columns}
            rows={rows}
            rowKey={(h) => h.key}
          />
        )}
      </Stack>
    </Paper>
  );
}
