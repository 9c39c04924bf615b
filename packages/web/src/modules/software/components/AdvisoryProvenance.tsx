// Where the instance's advisory data came from and when, shown to every organization: records per source
// (as last written) and the latest import runs with how they were started and their counts.
import { Badge, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdvisoryStatus, ImportRow } from '../../../api/software';
import { DataTable, type Column } from '../../../components/DataTable';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { formatCount } from './meta';

export const IMPORT_COLOR: Record<ImportRow['status'], string> = {
  queued: 'gray',
  running: 'indigo',
  done: 'teal',
  failed: 'red',
  abandoned: 'orange',
};

type Source = AdvisoryStatus['sources'][number];

export function AdvisoryProvenance({ status }: { status: AdvisoryStatus }) {
  const { t } = useTranslation('software');
  const lang = currentLanguage();

  const sourceColumns: Column<Source>[] = [
    {
      key: 'source',
      header: t('software.advisories.provenance.source'),
      primary: true,
      render: (s) => <Text size="sm">{s.source ?? t('software.advisories.provenance.unknownSource')}</Text>,
    },
    {
      key: 'records',
      header: t('software.advisories.provenance.records'),
      nowrap: true,
      render: (s) => <Text size="sm">{formatCount(s.records, lang)}</Text>,
    },
    {
      key: 'last',
      header: t('software.advisories.provenance.lastWritten'),
      nowrap: true,
      render: (s) => <Text size="sm">{formatDateTime(s.lastImportedAt, lang)}</Text>,
    },
  ];

  const runColumns: Column<ImportRow>[] = [
    {
      key: 'source',
      header: t('software.advisories.provenance.source'),
      primary: true,
      render: (r) => <Text size="sm">{r.source}</Text>,
    },
    {
      key: 'status',
      header: t('software.advisories.provenance.status'),
      nowrap: true,
      render: (r) => (
        <Badge color={IMPORT_COLOR[r.status]} variant="light" data-status={r.status}>
          {t(`software.advisories.importStatus.${r.status}`)}
        </Badge>
      ),
    },
    {
      key: 'via',
      header: t('software.advisories.provenance.via'),
      nowrap: true,
      render: (r) => <Text size="sm">{t(`software.advisories.provenance.vias.${r.via}`)}</Text>,
    },
    {
      key: 'when',
      header: t('software.advisories.provenance.when'),
      nowrap: true,
      render: (r) => (
        <Text size="sm">{formatDateTime(r.finishedAt ?? r.startedAt ?? r.createdAt, lang)}</Text>
      ),
    },
    {
      key: 'counts',
      header: t('software.advisories.provenance.counts'),
      render: (r) => (
        <Text size="xs" c="dimmed">
          {t('software.advisories.importCounts', {
            processed: formatCount(r.processed, lang),
            added: formatCount(r.added, lang),
            updated: formatCount(r.updated, lang),
            unchanged: formatCount(r.unchanged, lang),
            skipped: formatCount(r.skipped, lang),
          })}
        </Text>
      ),
    },
  ];

  return (
    <Stack gap="sm" data-testid="advisory-provenance">
      <Title order={2} size="h4">
        {t('software.advisories.provenance.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('software.advisories.provenance.intro')}
      </Text>
      {status.sources.length > 0 ? (
        <DataTable
          label={t('software.advisories.provenance.sources')}
          columns={sourceColumns}
          rows={status.sources}
          rowKey={(s) => s.source ?? ''}
        />
      ) : null}
      {status.recentImports.length > 0 ? (
        <DataTable
          label={t('software.advisories.provenance.recentImports')}
          columns={runColumns}
          rows={status.recentImports}
          rowKey={(r) => r.id}
        />
      ) : null}
    </Stack>
  );
}
