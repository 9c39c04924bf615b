// Creating an empty model: name and scope (organization / site / product).
import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SCOPE_TYPES, cpsfApi, type ModelDetail, type ScopeType } from '../../../api/cpsf';
import { errorMessage } from '../../../lib/notify';

export function NewModelModal({
  orgId,
  opened,
  onClose,
  onCreated,
}: {
  orgId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (model: ModelDetail) => void;
}) {
  const { t } = useTranslation('cpsf');
  const [name, setName] = useState('');
  const [scopeType, setScopeType] = useState<ScopeType>('organization');
  const [scopeLabel, setScopeLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError(t('validation.required'));
    setBusy(true);
    setError(null);
    try {
      const { model } = await cpsfApi.createModel(orgId, {
        name: name.trim(),
        scopeType,
        scopeLabel: scopeLabel.trim() || null,
      });
      setName('');
      setScopeLabel('');
      onCreated(model);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('cpsf.models.new')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <TextInput
            label={t('cpsf.models.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            error={error}
            data-autofocus
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('cpsf.models.scope')}
            </Text>
            <SegmentedControl
              aria-label={t('cpsf.models.scope')}
              value={scopeType}
              onChange={(v) => setScopeType(SCOPE_TYPES.find((s) => s === v) ?? 'organization')}
              data={SCOPE_TYPES.map((s) => ({ value: s, label: t(`cpsf.scopeTypes.${s}`) }))}
            />
          </Stack>
          <TextInput
            label={t('cpsf.models.scopeLabel')}
            description={t('cpsf.models.scopeLabelHint')}
            value={scopeLabel}
            onChange={(event) => setScopeLabel(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('cpsf.models.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
