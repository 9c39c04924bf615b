import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { softwareApi, type AdvisoryStatus } from '../../../api/software';
import { DataTable, type Column } from '../../../components/DataTable';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { AdvisoryFeed } from '../components/AdvisoryFeed';
import { AdvisoryImport } from '../components/AdvisoryImport';
import { AdvisoryProvenance, IMPORT_COLOR } from '../components/AdvisoryProvenance';
import { SoftwareNav, formatCount } from '../components/meta';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import { useSession } from '../../../session/SessionContext';

/**
 * The advisory database (脆弱性情報データベース): counts by ecosystem, the last import, where the data came
 * from and when (every organization sees it), and a new import (instance administrators only).
 */
export function SoftwareAdvisoriesPage() {
  const { t } = useTranslation('software');
  const { orgId } = useOrg();
  const { me } = useSession();
  const instanceAdmin = me?.user.isInstanceAdmin === true;
  const lang = currentLanguage();
  const [status, setStatus] = useState<AdvisoryStatus | null>(null);

  const load = () =>
    softwareApi.advisoryStatus(orgId).then(
      (response) => setStatus(response),
      (error: unknown) => notifyError(error),
    );

  useEffect(() => {
    void load();
  }, [orgId]);

  const columns: Column<{ ecosystem: string; count: number }>[] = [
    {
      key: 'ecosystem',
      header: t('software.advisories.ecosystem'),
      primary: true,
      render: (e) => <Text size="sm">{e.ecosystem}</Text>,
    },
    {
      key: 'count',
      header: t('software.advisories.count'),
      nowrap: true,
      render: (e) => <Text size="sm">{formatCount(e.count, lang)}</Text>,
    },
  ];

  const last = status?.lastImport ?? null;
  const stat = (label: string, value: number, testId: string, color?: string) => (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={testId}>
        {formatCount(value, lang)}
      </Text>
    </Paper>
  );

  return (
    <Stack>
      <PageHeader title={t('software.advisories.title')} description={t('software.advisories.intro')} />
      <SoftwareNav orgId={orgId} current="advisories" />
      {status ? (
        <>
          <SimpleGrid cols={3} spacing={{ base: 'xs', sm: 'md' }}>
            {stat(t('software.advisories.total'), status.total, 'advisories-total')}
            {stat(t('software.advisories.malicious'), status.malicious, 'advisories-malicious', 'red')}
            {stat(t('software.advisories.withdrawn'), status.withdrawn, 'advisories-withdrawn')}
          </SimpleGrid>
          <Paper withBorder p="md">
            <Stack gap={6}>
              <Title order={2} size="h4">
                {t('software.advisories.lastImport')}
              </Title>
              {last ? (
                <>
                  <Group gap="xs">
                    <Badge
                      color={IMPORT_COLOR[last.status]}
                      variant="light"
                      data-testid="last-import-status"
                      data-status={last.status}
                    >
                      {t(`software.advisories.importStatus.${last.status}`)}
                    </Badge>
                    <Text size="sm">{last.source}</Text>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('software.advisories.importTimes', {
                      started: formatDateTime(last.startedAt, lang) || '—',
                      finished: formatDateTime(last.finishedAt, lang) || '—',
                    })}
                  </Text>
                  <Text size="sm">
                    {t('software.advisories.importCounts', {
                      processed: formatCount(last.processed, lang),
                      added: formatCount(last.added, lang),
                      updated: formatCount(last.updated, lang),
                      unchanged: formatCount(last.unchanged, lang),
                      skipped: formatCount(last.skipped, lang),
                    })}
                  </Text>
                  {last.error ? (
                    <Text size="sm" c="red">
                      {last.error.message[lang]}
                      {last.error.detail ? `（${last.error.detail}）` : ''}
                    </Text>
                  ) : null}
                  {(last.skippedReasons ?? []).map((r) => (
                    <Text size="xs" c="dimmed" key={r.reason}>
                      {t('software.advisories.skippedReason', {
                        reason: r.message[lang],
                        n: formatCount(r.count, lang),
                        examples: r.examples.slice(0, 3).join(', '),
                      })}
                    </Text>
                  ))}
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('software.advisories.neverImported')}
                </Text>
              )}
            </Stack>
          </Paper>
          {status.byEcosystem.length > 0 ? (
            <DataTable
              label={t('software.advisories.byEcosystem')}
              columns={columns}
              rows={status.byEcosystem}
              rowKey={(e) => e.ecosystem}
            />
          ) : null}
          <AdvisoryFeed orgId={orgId} />
          <AdvisoryProvenance status={status} />
        </>
      ) : (
        <FullPageLoader />
      )}
      {instanceAdmin ? (
        <AdvisoryImport orgId={orgId} onFinished={() => void load()} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="advisories-instance-admins-only">
          {t('software.advisories.instanceAdminsOnly')}
        </Text>
      )}
    </Stack>
  );
}
