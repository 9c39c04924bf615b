import { Alert, Button, Group, Paper, Progress, Spoiler, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { AuditEntry, AuditVerifyResult, Job } from '../../../api/types';
import { DataTable, type Column } from '../../../components/DataTable';
import { LoadMore } from '../../../components/LoadMore';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import { usePaged } from '../../../lib/usePaged';
import { auditLabel } from '../../../lib/auditLabels';

const POLL_MS = 500;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException('aborted', 'AbortError'));
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

function verifyResult(job: Job): AuditVerifyResult | null {
  const result = job.result as Partial<AuditVerifyResult> | null | undefined;
  if (!result || typeof result.ok !== 'boolean') return null;
  return {
    ok: result.ok,
    checked: typeof result.checked === 'number' ? result.checked : 0,
    firstBrokenSeq: typeof result.firstBrokenSeq === 'number' ? result.firstBrokenSeq : null,
    reason: typeof result.reason === 'string' ? result.reason : null,
    checkpoint: typeof result.checkpoint?.seq === 'number' ? result.checkpoint : null,
  };
}

/** Reasons found against the last signed checkpoint or the recorded head (no single entry to point at). */
const CHECKPOINT_REASONS = ['tail_cut', 'chain_deleted', 'checkpoint_mismatch', 'head_mismatch'] as const;
function checkpointReason(r: AuditVerifyResult): (typeof CHECKPOINT_REASONS)[number] | undefined {
  return CHECKPOINT_REASONS.find((x) => x === r.reason);
}

function detailLines(details: unknown): [string, string][] {
  if (details === null || details === undefined) return [];
  if (typeof details !== 'object' || Array.isArray(details)) return [['', JSON.stringify(details)]];
  return Object.entries(details as Record<string, unknown>).map(([key, value]) => [
    key,
    typeof value === 'string' ? value : JSON.stringify(value),
  ]);
}

function Details({ details }: { details: unknown }) {
  const { t } = useTranslation('platform');
  const lines = detailLines(details);
  if (lines.length === 0) return null;
  const body = (
    <Stack gap={0}>
      {lines.map(([key, value]) => (
        <Text key={key} size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {key ? (
            <Text span inherit c="dimmed">
              {key}:{' '}
            </Text>
          ) : null}
          {value}
        </Text>
      ))}
    </Stack>
  );
  if (lines.length <= 3) return body;
  return (
    <Spoiler
      maxHeight={56}
      showLabel={<Text size="xs">{t('audit.showMore')}</Text>}
      hideLabel={<Text size="xs">{t('audit.showLess')}</Text>}
    >
      {body}
    </Spoiler>
  );
}

export function AuditPage() {
  const { t } = useTranslation('platform');
  const { orgId } = useOrg();
  const list = usePaged<AuditEntry>(orgId, (cursor) => api.audit(orgId, cursor));
  const [job, setJob] = useState<Job | null>(null);
  const [verifying, setVerifying] = useState(false);
  const poll = useRef<AbortController | null>(null);
  const lang = currentLanguage();
  const brokenMessage = (r: AuditVerifyResult) => {
    const reason = checkpointReason(r);
    const values = { checked: r.checked, seq: r.checkpoint?.seq ?? 0 };
    if (reason) return t(`audit.reason.${reason}`, values);
    return t('audit.verifyBroken', { seq: r.firstBrokenSeq ?? t('common.none'), checked: r.checked });
  };

  useEffect(() => () => poll.current?.abort(), []);

  const verify = async () => {
    poll.current?.abort();
    const controller = new AbortController();
    poll.current = controller;
    setVerifying(true);
    setJob(null);
    try {
      let current = (await api.verifyAudit(orgId)).job;
      setJob(current);
      while (current.status === 'queued' || current.status === 'running') {
        await sleep(POLL_MS, controller.signal);
        current = (await api.job(orgId, current.id, controller.signal)).job;
        setJob(current);
      }
      // the verification itself is audited: show the new entries
      await list.reload();
    } catch (error) {
      notifyError(error);
    } finally {
      if (!controller.signal.aborted) setVerifying(false);
    }
  };

  const total = job?.progress.total ?? 0;
  const done = job?.progress.current ?? 0;
  const finished = job?.status === 'succeeded' || job?.status === 'failed';
  const percent = finished ? 100 : total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const result = job?.status === 'succeeded' ? verifyResult(job) : null;

  const columns: Column<AuditEntry>[] = [
    {
      key: 'seq',
      header: t('audit.seq'),
      primary: true,
      render: (entry) => (
        <Text size="sm" ff="monospace">
          #{entry.seq}
        </Text>
      ),
    },
    {
      key: 'at',
      header: t('audit.at'),
      nowrap: true,
      render: (entry) => <Text size="sm">{formatDateTime(entry.at, lang)}</Text>,
    },
    {
      key: 'actor',
      header: t('audit.actor'),
      render: (entry) => (
        <Text size="sm">
          {entry.actor?.email ??
            (entry.actor?.tokenId ? t('audit.token', { id: entry.actor.tokenId }) : t('audit.system'))}
        </Text>
      ),
    },
    {
      key: 'action',
      header: t('audit.action'),
      // The readable name; the raw code stays in the details (and in the CSV export).
      render: (entry) => <Text size="sm">{auditLabel('action', entry.action, lang) ?? entry.action}</Text>,
    },
    {
      key: 'target',
      header: t('audit.target'),
      // The object's type and name (looked up by the server in this organization only); the raw id
      // stays in the details.
      render: (entry) => (
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {entry.targetType ? (auditLabel('target', entry.targetType, lang) ?? entry.targetType) : ''}
          </Text>
          {entry.targetId ? (
            <Text size="sm" data-testid="audit-object" style={{ overflowWrap: 'anywhere' }}>
              {entry.objectName ?? t('audit.unnamed')}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'details',
      header: t('audit.details'),
      render: (entry) => (
        <Details
          details={{
            ...(entry.details as Record<string, unknown> | null),
            [t('audit.rawAction')]: entry.action,
            ...(entry.targetId
              ? { [t('audit.rawTarget')]: `${entry.targetType ?? ''} ${entry.targetId}` }
              : {}),
          }}
        />
      ),
    },
  ];

  return (
    <Stack>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group gap="sm">
            <Button onClick={() => void verify()} loading={verifying}>
              {t('audit.verify')}
            </Button>
            <Button component="a" href={api.auditCsvUrl(orgId)} download variant="default">
              {t('audit.downloadCsv')}
            </Button>
          </Group>
          {job ? (
            <Stack gap={4} aria-live="polite">
              <Group justify="space-between">
                <Text size="sm">{verifying ? t('audit.verifying') : t(`jobs.${job.status}`)}</Text>
                <Text size="sm" c="dimmed">
                  {t('audit.progressText', { current: done, total })}
                </Text>
              </Group>
              <Progress
                value={percent}
                size="lg"
                striped={!finished}
                animated={!finished}
                color={job.status === 'failed' || result?.ok === false ? 'red' : undefined}
                aria-label={t('audit.progressLabel')}
              />
            </Stack>
          ) : null}
          {job?.status === 'failed' ? (
            <Alert color="red" title={t('audit.verifyFailed')} role="alert">
              {typeof job.error === 'string' ? job.error : null}
            </Alert>
          ) : null}
          {result ? (
            result.ok ? (
              <Alert color="teal" title={t('audit.okTitle')} role="status">
                {t('audit.verifyOk', { checked: result.checked })}
              </Alert>
            ) : (
              <Alert color="red" title={t('audit.brokenTitle')} role="alert">
                {brokenMessage(result)}
              </Alert>
            )
          ) : null}
        </Stack>
      </Paper>
      <DataTable label={t('audit.title')} columns={columns} rows={list.items} rowKey={(entry) => entry.seq} />
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loading}
        empty={list.items.length === 0}
        onLoadMore={list.loadMore}
      />
    </Stack>
  );
}
