import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type Role } from '@shinrai/core/browser';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { assessmentsApi } from '../api';

/** The organization's review setting (four-eyes approval); owners and admins change it. */
export function ReviewSettings({ orgId, role }: { orgId: string; role: Role }) {
  const { t } = useTranslation('assessments');
  const [fourEyes, setFourEyes] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const manager = can(role, 'org.update');

  useEffect(() => {
    assessmentsApi.settings(orgId).then((r) => setFourEyes(r.settings.fourEyes), notifyError);
  }, [orgId]);

  const change = async (next: boolean) => {
    setBusy(true);
    try {
      const r = await assessmentsApi.saveSettings(orgId, next);
      setFourEyes(r.settings.fourEyes);
      notifySuccess(t('settings.saved'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="review-settings">
      <Stack gap="xs">
        <Title order={2} size="h5" id="review-settings">
          {t('settings.title')}
        </Title>
        <Switch
          label={t('settings.fourEyes')}
          description={t('settings.fourEyesHelp')}
          checked={fourEyes ?? false}
          disabled={!manager || busy || fourEyes === null}
          onChange={(event) => void change(event.currentTarget.checked)}
        />
        {!manager ? (
          <Text size="xs" c="dimmed">
            {t('settings.readOnly')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
