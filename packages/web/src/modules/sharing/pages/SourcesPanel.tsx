// TAXII 2.1 sources (TAXII ソース): where the organization pulls intelligence from, how often, and each source's
// state — checkpoint, last success, the last error with failures in a row — and "pull now".
import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { intakeApi, type IntakeSource, type SourceInput } from '../intake-api';

const EMPTY: SourceInput = {
  name: '',
  apiRootUrl: '',
  collectionId: '',
  authKind: 'bearer',
  username: null,
  secret: null,
  intervalMinutes: 60,
  enabled: true,
};

/** How long ago, in the reader's language (minutes, hours, days). */
function Age({ iso }: { iso: string | null }) {
  const { t } = useTranslation('sharing');
  if (!iso) return <>{t('sharing.sources.never')}</>;
  const min = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
  if (min < 60) return <>{t('sharing.sources.minutesAgo', { count: min })}</>;
  if (min < 2880) return <>{t('sharing.sources.hoursAgo', { count: Math.round(min / 60) })}</>;
  return <>{t('sharing.sources.daysAgo', { count: Math.round(min / 1440) })}</>;
}

export function SourcesPanel({
  orgId,
  writer,
  manager,
  onPulled,
}: {
  orgId: string;
  writer: boolean;
  manager: boolean;
  onPulled: () => void;
}) {
  const { t, i18n } = useTranslation('sharing');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const [sources, setSources] = useState<IntakeSource[]>([]);
  const [form, setForm] = useState<SourceInput>(EMPTY);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    intakeApi.sources(orgId).then((r) => setSources(r.sources), notifyError);
  }, [orgId]);
  useEffect(load, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await intakeApi.addSource(orgId, form);
      setForm(EMPTY);
      notifySuccess(t('sharing.sources.added'));
      load();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  const pull = async (s: IntakeSource) => {
    try {
      await intakeApi.pull(orgId, s.id);
      notifySuccess(t('sharing.sources.pullQueued'));
      load();
      onPulled();
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('sharing.sources.title')}</Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t('sharing.sources.intro')}
        </Text>
        {sources.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('sharing.sources.none')}
          </Text>
        ) : (
          <Stack gap={0} role="list" data-testid="intake-sources">
            {sources.map((s) => (
              <Group
                key={s.id}
                role="listitem"
                justify="space-between"
                align="start"
                py={8}
                style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
              >
                <div style={{ minWidth: 0, flex: '1 1 280px' }}>
                  <Text size="sm" fw={600}>
                    {s.name}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {s.apiRootUrl} · {s.collectionId}
                  </Text>
                  <Text size="xs">
                    {t('sharing.sources.lastSuccess')}: <Age iso={s.lastSuccessAt} /> ·{' '}
                    {t('sharing.sources.every', { count: s.intervalMinutes })}
                    {s.nextRunAt
                      ? ` · ${t('sharing.sources.next')}: ${formatDateTime(s.nextRunAt, lang)}`
                      : ''}
                  </Text>
                  {s.lastError ? (
                    <Text size="xs" c="red" data-testid="intake-source-error">
                      {t('sharing.sources.lastError', { count: s.failures })}: {s.lastError} (
                      <Age iso={s.lastAttemptAt} />)
                    </Text>
                  ) : null}
                </div>
                <Group gap="xs">
                  <Badge color={s.lastError ? 'red' : s.lastSuccessAt ? 'green' : 'gray'} variant="light">
                    {s.lastError
                      ? t('sharing.sources.failing')
                      : s.lastSuccessAt
                        ? t('sharing.sources.ok')
                        : t('sharing.sources.waiting')}
                  </Badge>
                  {writer ? (
                    <Button size="xs" variant="light" onClick={() => void pull(s)}>
                      {t('sharing.sources.pullNow')}
                    </Button>
                  ) : null}
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        {manager ? (
          <Stack gap="xs" component="form" onSubmit={(e: FormEvent) => void add(e)} maw={640} mt="sm">
            <Title order={4}>{t('sharing.sources.add')}</Title>
            <TextInput
              required
              label={t('sharing.sources.name')}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            />
            <TextInput
              required
              label={t('sharing.sources.apiRoot')}
              description={t('sharing.sources.apiRootHint')}
              placeholder="https://hub.example.jp/taxii2/hub/"
              value={form.apiRootUrl}
              onChange={(e) => setForm({ ...form, apiRootUrl: e.currentTarget.value })}
            />
            <TextInput
              required
              label={t('sharing.sources.collection')}
              value={form.collectionId}
              onChange={(e) => setForm({ ...form, collectionId: e.currentTarget.value })}
            />
            <Group grow align="start">
              <Select
                label={t('sharing.sources.auth')}
                data={(['bearer', 'basic', 'none'] as const).map((v) => ({
                  value: v,
                  label: t(`sharing.sources.authKind.${v}`),
                }))}
                value={form.authKind}
                onChange={(v) => setForm({ ...form, authKind: v ?? 'none' })}
                allowDeselect={false}
              />
              <NumberInput
                label={t('sharing.sources.interval')}
                min={5}
                max={10080}
                value={form.intervalMinutes}
                onChange={(v) => setForm({ ...form, intervalMinutes: typeof v === 'number' ? v : 60 })}
              />
            </Group>
            {form.authKind === 'basic' ? (
              <TextInput
                label={t('sharing.sources.username')}
                value={form.username ?? ''}
                onChange={(e) => setForm({ ...form, username: e.currentTarget.value })}
              />
            ) : null}
            {form.authKind !== 'none' ? (
              <PasswordInput
                label={form.authKind === 'basic' ? t('sharing.sources.password') : t('sharing.sources.token')}
                description={t('sharing.sources.secretHint')}
                value={form.secret ?? ''}
                onChange={(e) => setForm({ ...form, secret: e.currentTarget.value })}
              />
            ) : null}
            <Button type="submit" loading={busy} w="fit-content">
              {t('sharing.sources.save')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
