// The scheduled advisory feed on the advisory database page: every source with its status and the age of
// its data; instance administrators add, edit, disable and run sources.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { advisoryFeedApi, type FeedSource, type FeedStatus } from '../../../api/advisory-feed';
import { DataTable, type Column } from '../../../components/DataTable';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { AdvisoryFeedModal } from './AdvisoryFeedModal';
import { useFeedAge, useScheduleLabel } from './feed-labels';
import { formatCount } from './meta';

function resultColor(s: FeedSource): string {
  if (s.lastResult === 'failed') return 'red';
  if (s.stale) return 'yellow';
  return 'teal';
}

export function AdvisoryFeed({ orgId }: { orgId: string }) {
  const { t } = useTranslation('software');
  const lang = currentLanguage();
  const age = useFeedAge();
  const scheduleLabel = useScheduleLabel();
  const [status, setStatus] = useState<FeedStatus | null>(null);
  const [editing, setEditing] = useState<FeedSource | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = () => advisoryFeedApi.status(orgId).then(setStatus, notifyError);
  useEffect(() => {
    void load();
  }, [orgId]);

  if (!status) return null;
  const admin = status.canManage;

  const runNow = async (s: FeedSource) => {
    setBusy(s.id);
    try {
      await advisoryFeedApi.runNow(orgId, s.id);
      notifySuccess(t('software.feed.queued'));
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<FeedSource>[] = [
    {
      key: 'name',
      header: t('software.feed.name'),
      primary: true,
      render: (s) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {s.name}
          </Text>
          <Text size="xs" c="dimmed">
            {s.ecosystem} · {t(`software.feed.kinds.${s.kind}`)}
          </Text>
          {s.location ? (
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {s.location}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('software.feed.status'),
      render: (s) => (
        <Stack gap={4} data-testid="feed-source-status" data-result={s.lastResult ?? ''}>
          <Group gap={4}>
            {!s.enabled ? (
              <Badge color="gray" variant="light">
                {t('software.feed.disabled')}
              </Badge>
            ) : null}
            {s.running ? (
              <Badge color="indigo" variant="light">
                {t('software.feed.running')}
              </Badge>
            ) : null}
            {s.lastResult ? (
              <Badge color={resultColor(s)} variant="light">
                {t(`software.feed.results.${s.lastResult}`)}
              </Badge>
            ) : null}
            {s.stale && s.lastResult !== 'failed' ? (
              <Badge color="yellow" variant="outline">
                {t('software.feed.stale')}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs">
            {t('software.feed.lastSuccess')}: {age(s)}
            {s.lastSuccessAt ? `（${formatDateTime(s.lastSuccessAt, lang)}）` : ''}
          </Text>
          {s.lastResult === 'imported' ? (
            <Text size="xs" c="dimmed">
              {t('software.feed.counts', {
                seen: formatCount(s.counts.seen, lang),
                added: formatCount(s.counts.added, lang),
                updated: formatCount(s.counts.updated, lang),
                unchanged: formatCount(s.counts.unchanged, lang),
              })}
            </Text>
          ) : null}
          {s.lastError ? (
            <Text size="xs" c="red" data-testid="feed-source-error">
              {s.lastError.message[lang]}
              {s.lastError.detail ? `（${s.lastError.detail}）` : ''}
            </Text>
          ) : null}
          {s.failures > 1 ? (
            <Text size="xs" c="dimmed">
              {t('software.feed.failures', { n: s.failures })}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'schedule',
      header: t('software.feed.schedule'),
      render: (s) => (
        <Stack gap={2}>
          <Text size="xs">{scheduleLabel(s.effectiveSchedule)}</Text>
          {s.nextRunAt ? (
            <Text size="xs" c="dimmed">
              {t('software.feed.nextRun')}: {formatDateTime(s.nextRunAt, lang)}
            </Text>
          ) : null}
        </Stack>
      ),
    },
  ];
  if (admin)
    columns.push({
      key: 'actions',
      header: '',
      actions: true,
      nowrap: true,
      render: (s) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={() => setEditing(s)}>
            {t('software.feed.edit')}
          </Button>
          <Button size="xs" loading={busy === s.id} onClick={() => void runNow(s)}>
            {t('software.feed.runNow')}
          </Button>
        </Group>
      ),
    });

  return (
    <Paper withBorder p="md" data-testid="advisory-feed">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {t('software.feed.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('software.feed.intro')}
            </Text>
          </Stack>
          {admin ? (
            <Button size="sm" onClick={() => setEditing('new')} data-testid="feed-add">
              {t('software.feed.add')}
            </Button>
          ) : null}
        </Group>
        {status.sources.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('software.feed.empty')}
          </Text>
        ) : (
          <DataTable
            label={t('software.feed.title')}
            columns={columns}
            rows={status.sources}
            rowKey={(s) => s.id}
          />
        )}
        {!admin ? (
          <Text size="xs" c="dimmed">
            {t('software.feed.adminsOnly')}
          </Text>
        ) : null}
      </Stack>
      {editing !== null ? (
        <AdvisoryFeedModal
          orgId={orgId}
          source={editing === 'new' ? null : editing}
          defaultSchedule={status.defaultSchedule}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      ) : null}
    </Paper>
  );
}
