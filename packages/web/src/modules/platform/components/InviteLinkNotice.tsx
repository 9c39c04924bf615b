import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface UnsentInvitation {
  email: string;
  link: string;
  /** Why no mail carried the link. */
  reason: 'failed' | 'not_configured';
}

/**
 * Shown in place of "mail sent" when no mail went out: says so plainly and hands the inviter the
 * link to pass on (a toast would vanish with the only copy of the link).
 */
export function InviteLinkNotice({
  invitation,
  onClose,
}: {
  invitation: UnsentInvitation;
  onClose: () => void;
}) {
  const { t } = useTranslation('platform');
  return (
    <Alert
      color="yellow"
      title={t(`invitations.unsent.${invitation.reason}.title`)}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      data-testid="invite-link"
    >
      <Stack gap="xs">
        <Text size="sm">
          {t(`invitations.unsent.${invitation.reason}.body`, { email: invitation.email })}
        </Text>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label={t('invitations.unsent.link')}
            value={invitation.link}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            styles={{ input: { fontFamily: 'monospace' } }}
            style={{ flex: 1, minWidth: 0 }}
          />
          <CopyButton value={invitation.link}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? t('invitations.unsent.copied') : t('invitations.unsent.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
