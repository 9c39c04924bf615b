import { Alert, Button, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface Colleague {
  id: string;
  label: string;
}

/**
 * Asks a colleague of the supplier's own organization to answer the request or one item (from the inbox):
 * they get a mail with a link to it and answer from their own account; the forward is audited.
 */
export function ColleagueForwardModal({
  itemTitle,
  colleagues,
  onClose,
  onSend,
}: {
  itemTitle: string | null;
  colleagues: Colleague[];
  onClose: () => void;
  onSend: (userId: string, note: string | null) => Promise<void>;
}) {
  const { t } = useTranslation('inbox');
  const [userId, setUserId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (userId === null) return;
    setBusy(true);
    try {
      await onSend(userId, note.trim() || null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('forward.title')} centered>
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <Text fw={600}>{itemTitle ?? t('forward.whole')}</Text>
          <Text size="sm" c="dimmed">
            {t('forward.help')}
          </Text>
          {colleagues.length === 0 ? (
            <Alert color="gray">{t('forward.none')}</Alert>
          ) : (
            <Select
              required
              label={t('forward.colleague')}
              data={colleagues.map((c) => ({ value: c.id, label: c.label }))}
              value={userId}
              onChange={setUserId}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Textarea
            label={t('forward.note')}
            maxLength={500}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy} disabled={userId === null}>
            {t('forward.send')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
