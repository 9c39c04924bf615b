// Creating a release (リリース) of a product: its version, release date and end of support.
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { softwareApi, type Release } from '../../../api/software';
import { DateField } from '../../../components/DateField';
import { errorMessage } from '../../../lib/notify';

export function ReleaseModal({
  orgId,
  productId,
  opened,
  onClose,
  onCreated,
}: {
  orgId: string;
  productId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (release: Release) => void;
}) {
  const { t } = useTranslation('software');
  const [version, setVersion] = useState('');
  const [releasedOn, setReleasedOn] = useState('');
  const [supportEnds, setSupportEnds] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!version.trim()) return setError(t('validation.required'));
    setBusy(true);
    setError(null);
    try {
      const { release } = await softwareApi.createRelease(orgId, productId, {
        version: version.trim(),
        releasedOn: releasedOn || null,
        supportEnds: supportEnds || null,
      });
      setVersion('');
      setReleasedOn('');
      setSupportEnds('');
      onCreated(release);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('software.releases.new')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <TextInput
            label={t('software.releases.version')}
            value={version}
            onChange={(event) => setVersion(event.currentTarget.value)}
            required
            error={error}
            data-autofocus
          />
          <DateField
            label={t('software.releases.releasedOn')}
            value={releasedOn}
            onChange={(event) => setReleasedOn(event.currentTarget.value)}
          />
          <DateField
            label={t('software.releases.supportEnds')}
            value={supportEnds}
            onChange={(event) => setSupportEnds(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('software.releases.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
