// Notification settings (通知設定) for malicious packages and new findings: e-mail to owners and admins,
// and a signed webhook. The server refuses internal addresses; its located reason is shown under the field.
import { Button, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WebhookFields, webhookFieldError } from '../../../components/WebhookFields';
import { softwareApi, type NotificationSettings } from '../../../api/software';
import { notifyError, notifySuccess } from '../../../lib/notify';

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
      const message = webhookFieldError(error);
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
        <WebhookFields
          labels={{
            webhookUrl: t('software.notifications.webhookUrl'),
            webhookHint: t('software.notifications.webhookHint'),
            hasSecret: t('software.notifications.hasSecret'),
            secretTitle: t('software.notifications.secretTitle'),
            secretOnce: t('software.notifications.secretOnce'),
          }}
          url={url}
          onUrl={(next) => {
            setUrl(next);
            setUrlError(null);
          }}
          error={urlError}
          readOnly={!manager}
          hasSecret={settings.hasWebhookSecret}
          secret={secret}
        />
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
