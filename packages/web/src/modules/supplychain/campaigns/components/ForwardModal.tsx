import { Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks a colleague to answer (the whole questionnaire or one item): a link of their own is mailed. */
export function ForwardModal({
  opened,
  itemTitle,
  onClose,
  onSend,
}: {
  opened: boolean;
  itemTitle: string | null;
  onClose: () => void;
  onSend: (email: string, name: string | null) => Promise<void>;
}) {
  const { t } = useTranslation('campaigns');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSend(email.trim(), name.trim() || null);
      setEmail('');
      setName('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('respond.forwardTitle')} fullScreen={false} centered>
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          {itemTitle && <Text fw={600}>{itemTitle}</Text>}
          <Text size="sm" c="dimmed">
            {t('respond.forwardHelp')}
          </Text>
          <TextInput
            type="email"
            required
            label={t('respond.forwardEmail')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <TextInput
            label={t('respond.forwardName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy}>
            {t('respond.forwardSend')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
