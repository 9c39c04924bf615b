// Creating a product (製品): a device model, an application, a library or a service.
import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRODUCT_KINDS, softwareApi, type Product, type ProductKind } from '../../../api/software';
import { DateField } from '../../../components/DateField';
import { errorMessage } from '../../../lib/notify';

export function ProductModal({
  orgId,
  opened,
  onClose,
  onCreated,
}: {
  orgId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (product: Product) => void;
}) {
  const { t } = useTranslation('software');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ProductKind>('device');
  const [vendor, setVendor] = useState('');
  const [supportEnds, setSupportEnds] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError(t('validation.required'));
    setBusy(true);
    setError(null);
    try {
      const { product } = await softwareApi.createProduct(orgId, {
        name: name.trim(),
        kind,
        vendor: vendor.trim() || null,
        supportEnds: supportEnds || null,
      });
      setName('');
      setVendor('');
      setSupportEnds('');
      onCreated(product);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('software.products.new')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <TextInput
            label={t('software.products.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            error={error}
            data-autofocus
          />
          <NativeSelect
            label={t('software.products.kind')}
            value={kind}
            onChange={(event) =>
              setKind(PRODUCT_KINDS.find((k) => k === event.currentTarget.value) ?? 'device')
            }
            data={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`software.kinds.${k}`) }))}
          />
          <TextInput
            label={t('software.products.vendor')}
            value={vendor}
            onChange={(event) => setVendor(event.currentTarget.value)}
          />
          <DateField
            label={t('software.products.supportEnds')}
            description={t('software.products.supportEndsHint')}
            value={supportEnds}
            onChange={(event) => setSupportEnds(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('software.products.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
