// Notification settings (通知設定) for malicious packages and new findings: e-mail to owners and admins,
// and a signed webhook. The server refuses internal addresses; its located reason is shown under the field.
import { Alert, Button, Code, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { softwareApi, type NotificationSettings } from '../../../api/software';
import { notifyError, notifySuccess } from '../../../lib/notify';

/** The message the server gave for the webhook URL field, if the error is about it. */
function fieldMessage(error: unknown): string | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return null;
  const detail = (error.details as { pointer?: string; message?: string }[]).find(
    (d) => d.pointer === '/webhookUrl',
  );
  return detail ? (detail.message ?? error.message) : null;
}

export function NotificationsPanel({ orgId, manager }: { orgId: string; manager: boolean }) {
  const { t } = useTranslation('software');
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState(true);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    softwareApi.notifications(orgId).then((s) => {
      setSettings(s);
      setUrl(s.webhookUrl ?? '');
      setEmail(s.emailEnabled);
    }, notifyError);
  }, [orgId]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setUrlError(null);
    try {
      const next = await softwareApi.setNotifications(orgId, {
        webhookUrl: url.trim() === '' ? null : url.trim(),
        emailEnabled: email,
      });
      setSettings(next);
      setSecret(next.webhookSecret);
      notifySuccess(t('software.notifications.saved'));
    } catch (error) {
      const message = fieldMessage(error);
      if (message) setUrlError(message);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  if (!settings) return null;
  return (
    <Paper withBorder p="md" component="form" onSubmit={(e: FormEvent) => void save(e)}>
      <Stack gap="sm" maw={640}>
        <Title order={3} size="h5">
          {t('software.notifications.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('software.notifications.intro')}
        </Text>
        <Switch
          label={t('software.notifications.email')}
          checked={email}
          onChange={(e) => setEmail(e.currentTarget.checked)}
          disabled={!manager}
        />
        <TextInput
          label={t('software.notifications.webhookUrl')}
          description={t('software.notifications.webhookHint')}
          placeholder="https://hooks.example.com/shinrai"
          value={url}
          onChange={(e) => {
            setUrl(e.currentTarget.value);
            setUrlError(null);
          }}
          error={urlError}
          readOnly={!manager}
          data-testid="webhook-url"
        />
        {settings.hasWebhookSecret && !secret ? (
          <Text size="xs" c="dimmed">
            {t('software.notifications.hasSecret')}
          </Text>
        ) : null}
        {secret ? (
          <Alert color="yellow" title={t('software.notifications.secretTitle')}>
            <Stack gap={4}>
              <Text size="sm">{t('software.notifications.secretOnce')}</Text>
              <Code block data-testid="webhook-secret">
                {secret}
              </Code>
            </Stack>
          </Alert>
        ) : null}
        {manager ? (
          <Button type="submit" loading={busy} w="fit-content">
            {t('software.notifications.save')}
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            {t('software.notifications.managersOnly')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
