// A member's notifications (通知): e-mail to owners and admins, a signed webhook, and the last deliveries
// with their state (a failing webhook shows its retries and the answer it got).
import { Badge, Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WebhookFields, webhookFieldError } from '../../../components/WebhookFields';
import { formatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { sharingApi, type Delivery, type NotifySettings } from '../api';

const STATUS_COLOR: Record<Delivery['status'], string> = {
  pending: 'gray',
  delivered: 'green',
  retrying: 'yellow',
  failed: 'red',
};

export function NotifyPanel({ orgId, manager }: { orgId: string; manager: boolean }) {
  const { t, i18n } = useTranslation('sharing');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const [settings, setSettings] = useState<NotifySettings | null>(null);
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState(true);
  const [emailTo, setEmailTo] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    sharingApi.notifications(orgId).then((s) => {
      setSettings(s);
      setUrl(s.webhookUrl ?? '');
      setEmail(s.emailEnabled);
      setEmailTo(s.emailTo ?? '');
    }, notifyError);
  }, [orgId]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setUrlError(null);
    try {
      const next = await sharingApi.setNotifications(orgId, {
        webhookUrl: url.trim() === '' ? null : url.trim(),
        emailEnabled: email,
        emailTo: emailTo.trim() === '' ? null : emailTo.trim(),
      });
      setSettings(next);
      setSecret(next.webhookSecret);
      notifySuccess(t('sharing.notify.saved'));
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
      <Stack gap="sm">
        <Title order={3}>{t('sharing.notify.title')}</Title>
        <Text size="sm" c="dimmed" maw={720}>
          {t('sharing.notify.intro')}
        </Text>
        <Switch
          label={t('sharing.notify.email')}
          checked={email}
          onChange={(e) => setEmail(e.currentTarget.checked)}
          disabled={!manager}
        />
        <TextInput
          maw={640}
          type="email"
          label={t('sharing.notify.emailTo')}
          description={t('sharing.notify.emailToHint')}
          placeholder="soc@example.co.jp"
          value={emailTo}
          onChange={(e) => setEmailTo(e.currentTarget.value)}
          readOnly={!manager}
          disabled={!email}
        />
        <WebhookFields
          labels={{
            webhookUrl: t('sharing.notify.webhookUrl'),
            webhookHint: t('sharing.notify.webhookHint'),
            hasSecret: t('sharing.notify.hasSecret'),
            secretTitle: t('sharing.notify.secretTitle'),
            secretOnce: t('sharing.notify.secretOnce'),
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
          testIdPrefix="sharing-"
        />
        {manager ? (
          <Button type="submit" loading={busy} w="fit-content">
            {t('sharing.notify.save')}
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            {t('sharing.notify.managersOnly')}
          </Text>
        )}
        <Title order={4} mt="sm">
          {t('sharing.notify.deliveries')}
        </Title>
        {settings.deliveries.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('sharing.notify.noDeliveries')}
          </Text>
        ) : (
          <Stack
            gap={0}
            role="list"
            aria-label={t('sharing.notify.deliveries')}
            data-testid="sharing-deliveries"
          >
            {settings.deliveries.map((d) => (
              <Group
                key={d.id}
                role="listitem"
                justify="space-between"
                align="start"
                gap="xs"
                py={6}
                style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
              >
                <div style={{ minWidth: 0, flex: '1 1 240px' }}>
                  <Text size="sm" fw={600}>
                    {d.reportTitle}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`sharing.notify.event.${d.event}`)} · {t(`sharing.notify.channel.${d.channel}`)} ·{' '}
                    {formatDate(d.createdAt, lang)}
                  </Text>
                </div>
                <div>
                  <Badge color={STATUS_COLOR[d.status]} variant="light">
                    {t(`sharing.notify.status.${d.status}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('sharing.notify.attempts', { count: d.attempts })}
                    {d.lastError ? ` · ${d.httpStatus ?? ''} ${d.lastError}` : ''}
                  </Text>
                </div>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
