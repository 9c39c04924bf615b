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
import { ApiError } from '../../../api/client';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { intakeApi, type IntakeSource, type SourceInput } from '../intake-api';
import { sourceError } from './sourceError';
import { Nowrap } from './parts';

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

type Field = 'name' | 'apiRootUrl' | 'collectionId';
const FIELD_OF: Record<string, Field> = {
  '/name': 'name',
  '/apiRootUrl': 'apiRootUrl',
  '/collectionId': 'collectionId',
};
const URL_PROBLEMS = ['scheme', 'private_address', 'invalid_url'] as const;

/** The fields the server refused, each with why (the URL checks name their reason). */
function refusedFields(error: unknown): Partial<Record<Field, string>> | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed' || !Array.isArray(error.details))
    return null;
  const found: Partial<Record<Field, string>> = {};
  for (const d of error.details as { pointer?: unknown; code?: unknown }[]) {
    const field = typeof d.pointer === 'string' ? FIELD_OF[d.pointer] : undefined;
    if (!field || found[field]) continue;
    const code = URL_PROBLEMS.find((c) => c === d.code);
    found[field] = code ? `sharing.sources.problem.${code}` : 'sharing.sources.problem.invalid';
  }
  return Object.keys(found).length > 0 ? found : null;
}

function SourceError({ raw }: { raw: string }) {
  const { t } = useTranslation('sharing');
  const e = sourceError(raw);
  if (!e) return <>{raw}</>;
  const text = t(`sharing.sources.fetchError.${e.key}`, { page: e.page, status: e.status });
  return <>{e.detail ? `${text}${t('sharing.sources.inBrackets', { text: e.detail })}` : text}</>;
}

/** How long ago, in the reader's language (minutes, hours, days). */
function useAge(): (iso: string | null) => string {
  const { t } = useTranslation('sharing');
  return (iso) => {
    if (!iso) return t('sharing.sources.never');
    const min = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
    if (min < 60) return t('sharing.sources.minutesAgo', { count: min });
    if (min < 2880) return t('sharing.sources.hoursAgo', { count: Math.round(min / 60) });
    return t('sharing.sources.daysAgo', { count: Math.round(min / 1440) });
  };
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
  const age = useAge();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const [sources, setSources] = useState<IntakeSource[]>([]);
  const [form, setForm] = useState<SourceInput>(EMPTY);
  const [busy, setBusy] = useState(false);
  // i18n keys of the fields' problems (translated on render, so a language switch follows)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const load = useCallback(() => {
    intakeApi.sources(orgId).then((r) => setSources(r.sources), notifyError);
  }, [orgId]);
  useEffect(load, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    for (const f of ['name', 'apiRootUrl', 'collectionId'] as const)
      if (form[f].trim() === '') missing[f] = 'sharing.sources.problem.required';
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await intakeApi.addSource(orgId, form);
      setForm(EMPTY);
      notifySuccess(t('sharing.sources.added'));
      load();
    } catch (error) {
      const refused = refusedFields(error);
      if (refused) setErrors(refused);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  const problem = (f: Field) => (errors[f] ? t(errors[f] as 'sharing.sources.problem.required') : undefined);
  const edit = (patch: Partial<SourceInput>, field?: Field) => {
    setForm({ ...form, ...patch });
    if (field && errors[field]) setErrors({ ...errors, [field]: undefined });
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
                    {t('sharing.sources.lastSuccess')}: {age(s.lastSuccessAt)} ·{' '}
                    {t('sharing.sources.every', { count: s.intervalMinutes })}
                    {s.nextRunAt
                      ? ` · ${t('sharing.sources.next')}: ${formatDateTime(s.nextRunAt, lang)}`
                      : ''}
                  </Text>
                  <Text size="xs" c="dimmed" data-testid="intake-source-auth">
                    {t(`sharing.sources.authKind.${s.authKind}`)}
                    {s.authKind === 'none'
                      ? ''
                      : ` · ${s.hasSecret ? t('sharing.sources.secretStored') : t('sharing.sources.secretMissing')}`}
                  </Text>
                  {s.lastError ? (
                    <Text size="xs" c="red" data-testid="intake-source-error">
                      {t('sharing.sources.lastError', { count: s.failures })}:{' '}
                      <SourceError raw={s.lastError} />
                      <Nowrap>{t('sharing.sources.inBrackets', { text: age(s.lastAttemptAt) })}</Nowrap>
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
          <form noValidate onSubmit={(e: FormEvent) => void add(e)} style={{ maxWidth: 640 }}>
            <Stack gap="xs" mt="sm">
              <Title order={4}>{t('sharing.sources.add')}</Title>
              <TextInput
                required
                label={t('sharing.sources.name')}
                value={form.name}
                error={problem('name')}
                onChange={(e) => edit({ name: e.currentTarget.value }, 'name')}
              />
              <TextInput
                required
                label={t('sharing.sources.apiRoot')}
                description={t('sharing.sources.apiRootHint')}
                placeholder="https://hub.example.jp/taxii2/hub/"
                value={form.apiRootUrl}
                error={problem('apiRootUrl')}
                onChange={(e) => edit({ apiRootUrl: e.currentTarget.value }, 'apiRootUrl')}
              />
              <TextInput
                required
                label={t('sharing.sources.collection')}
                value={form.collectionId}
                error={problem('collectionId')}
                onChange={(e) => edit({ collectionId: e.currentTarget.value }, 'collectionId')}
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
                  label={
                    form.authKind === 'basic' ? t('sharing.sources.password') : t('sharing.sources.token')
                  }
                  description={t('sharing.sources.secretHint')}
                  value={form.secret ?? ''}
                  onChange={(e) => setForm({ ...form, secret: e.currentTarget.value })}
                />
              ) : null}
              <Button type="submit" loading={busy} w="fit-content">
                {t('sharing.sources.save')}
              </Button>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
