// Importing OSV advisories from the web: an ecosystem's all.zip (as OSV publishes it) or one .json record.
// The server answers with a background job; its progress is polled and shown as a progress bar.
import { Alert, Button, FileButton, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { softwareApi } from '../../../api/software';
import type { Job } from '../../../api/types';
import { currentLanguage } from '../../../i18n';
import { UploadIcon } from '../../../components/icons';
import { SbomProblems } from './SbomProblems';
import { formatCount } from './meta';

const POLL_MS = 500;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException('aborted', 'AbortError'));
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

/** Percentage done of a job (100 once finished; 0 while the total is unknown). */
export function jobPercent(job: Job): number {
  if (job.status === 'succeeded' || job.status === 'failed') return 100;
  const { current, total } = job.progress;
  return total > 0 ? Math.min(100, Math.round((current / total) * 100)) : 0;
}

const COUNT_KEYS = [
  'processed',
  'added',
  'updated',
  'unchanged',
  'withdrawn',
  'malicious',
  'skipped',
] as const;

/** The import counts a finished job reports in its result, when it does. */
function resultCounts(job: Job): [string, number][] {
  const result = job.result;
  if (typeof result !== 'object' || result === null) return [];
  const record = result as Record<string, unknown>;
  return COUNT_KEYS.flatMap((key) =>
    typeof record[key] === 'number' ? [[key, record[key]] as [string, number]] : [],
  );
}

export function AdvisoryImport({ orgId, onFinished }: { orgId: string; onFinished: () => void }) {
  const { t } = useTranslation('software');
  const lang = currentLanguage();
  const [job, setJob] = useState<Job | null>(null);
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const poll = useRef<AbortController | null>(null);

  useEffect(() => () => poll.current?.abort(), []);

  const start = async (file: File | null) => {
    if (!file) return;
    poll.current?.abort();
    const controller = new AbortController();
    poll.current = controller;
    setRunning(true);
    setError(null);
    setJob(null);
    setFileName(file.name);
    try {
      let current = (await softwareApi.importAdvisories(orgId, file)).job;
      setJob(current);
      while (current.status === 'queued' || current.status === 'running') {
        await sleep(POLL_MS, controller.signal);
        current = (await api.job(orgId, current.id, controller.signal)).job;
        setJob(current);
      }
      onFinished();
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
    } finally {
      if (!controller.signal.aborted) setRunning(false);
    }
  };

  const percent = job ? jobPercent(job) : 0;
  const counts = job?.status === 'succeeded' ? resultCounts(job) : [];

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('software.advisories.import')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('software.advisories.importHint')}
        </Text>
        <Group>
          <FileButton
            onChange={(file) => void start(file)}
            accept=".zip,.json,application/zip,application/json"
          >
            {(props) => (
              <Button {...props} leftSection={<UploadIcon />} loading={running}>
                {t('software.advisories.importButton')}
              </Button>
            )}
          </FileButton>
        </Group>
        {job ? (
          <Stack gap={4} data-testid="advisory-job" data-status={job.status}>
            <Group justify="space-between" gap="xs">
              <Text size="sm">{fileName}</Text>
              <Text size="sm" c="dimmed">
                {t(`software.advisories.jobStatus.${job.status}`)}
                {job.progress.total > 0
                  ? ` · ${formatCount(job.progress.current, lang)} / ${formatCount(job.progress.total, lang)}`
                  : ''}
              </Text>
            </Group>
            <Progress
              value={percent}
              animated={job.status === 'running' || job.status === 'queued'}
              color={job.status === 'failed' ? 'red' : job.status === 'succeeded' ? 'teal' : 'indigo'}
              aria-label={t('software.advisories.progress')}
              size="lg"
            />
            {job.status === 'failed' ? (
              <Alert color="red" title={t('software.advisories.failed')}>
                {typeof job.error === 'string'
                  ? job.error
                  : typeof job.error === 'object' && job.error !== null && 'message' in job.error
                    ? String(job.error.message)
                    : ''}
              </Alert>
            ) : null}
            {counts.length > 0 ? (
              <Group gap="md" data-testid="advisory-job-counts">
                {counts.map(([key, value]) => (
                  <Text key={key} size="sm">
                    {t(`software.advisories.counts.${key as (typeof COUNT_KEYS)[number]}`)}:{' '}
                    {formatCount(value, lang)}
                  </Text>
                ))}
              </Group>
            ) : null}
          </Stack>
        ) : null}
        {error ? <SbomProblems error={error} /> : null}
      </Stack>
    </Paper>
  );
}
