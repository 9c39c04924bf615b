import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { errorMessage } from '../../../lib/notify';
import {
  CRITICALITIES,
  SUPPLY_KINDS,
  supplychainApi,
  type Criticality,
  type Supplier,
  type SupplyKind,
} from '../api';

/** 13 digits with a valid check digit (the server checks again), typed with full-width digits or hyphens. */
export function corporateNumberOk(raw: string): boolean {
  const s = raw.normalize('NFKC').replace(/[\s-]/g, '');
  if (s === '') return true;
  if (!/^[1-9]\d{12}$/.test(s)) return false;
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(s[13 - n]) * (n % 2 === 1 ? 1 : 2);
  return Number(s[0]) === 9 - (sum % 9);
}

/** Adding a supplier (optionally under a parent) or editing one. */
export function SupplierModal({
  orgId,
  opened,
  onClose,
  onSaved,
  editing,
  parentSupplierId,
}: {
  orgId: string;
  opened: boolean;
  onClose: () => void;
  onSaved: (id: string, merged: boolean) => void;
  editing?: Supplier | null;
  parentSupplierId?: string | null;
}) {
  const { t } = useTranslation('supplychain');
  const [cn, setCn] = useState('');
  const [name, setName] = useState('');
  const [kana, setKana] = useState('');
  const [supplies, setSupplies] = useState<SupplyKind[]>([]);
  const [criticality, setCriticality] = useState<Criticality>('medium');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [star, setStar] = useState('');
  const [notes, setNotes] = useState('');
  const [linked, setLinked] = useState('');
  const [linkable, setLinkable] = useState<{ id: string; name: string }[]>([]);
  const [contactName, setContactName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setCn(editing?.corporateNumber ?? '');
    setName(editing?.name ?? '');
    setKana(editing?.nameKana ?? '');
    setSupplies(editing?.supplies ?? []);
    setCriticality(editing?.criticality ?? 'medium');
    setStart(editing?.contractStart ?? '');
    setEnd(editing?.contractEnd ?? '');
    setStar(editing?.starHeld == null ? '' : String(editing.starHeld));
    setNotes(editing?.notes ?? '');
    setLinked(editing?.linkedOrg?.id ?? '');
    supplychainApi.linkableOrgs(orgId).then(
      (r) => setLinkable(r.items),
      () => setLinkable([]),
    );
    setContactName('');
    setContactEmail('');
    setError(null);
  }, [opened, editing, orgId]);

  const cnError = corporateNumberOk(cn) ? null : t('supplychain.form.corporateNumberInvalid');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (cnError || !name.trim()) return;
    setBusy(true);
    setError(null);
    const fields = {
      corporateNumber: cn.trim() || null,
      name: name.trim(),
      nameKana: kana.trim() || null,
      supplies,
      criticality,
      contractStart: start || null,
      contractEnd: end || null,
      starHeld: star === '' ? null : Number(star),
      linkedOrgId: linked || null,
      notes,
    };
    try {
      if (editing) {
        await supplychainApi.update(orgId, editing.id, fields);
        onSaved(editing.id, false);
      } else {
        const contacts = contactEmail.trim()
          ? [{ name: contactName.trim() || contactEmail.trim(), email: contactEmail.trim() }]
          : [];
        const r = await supplychainApi.create(orgId, {
          ...fields,
          contacts,
          parentSupplierId: parentSupplierId ?? null,
        });
        onSaved(r.supplier.id, r.merged);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? t('supplychain.form.titleEdit') : t('supplychain.form.titleNew')}
      size="lg"
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <TextInput
            label={t('supplychain.form.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('supplychain.form.corporateNumber')}
              description={t('supplychain.form.corporateNumberHint')}
              value={cn}
              onChange={(e) => setCn(e.currentTarget.value)}
              error={cnError}
              inputMode="numeric"
            />
            <TextInput
              label={t('supplychain.form.nameKana')}
              value={kana}
              onChange={(e) => setKana(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('supplychain.form.supplies')}
            value={supplies}
            onChange={(v) => setSupplies(v)}
          >
            <Group mt={4}>
              {SUPPLY_KINDS.map((k) => (
                <Checkbox key={k} value={k} label={t(`supplychain.supplies.${k}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('supplychain.form.criticality')}
              value={criticality}
              onChange={(e) => setCriticality(e.currentTarget.value as Criticality)}
              data={CRITICALITIES.map((c) => ({ value: c, label: t(`supplychain.criticality.${c}`) }))}
            />
            <NativeSelect
              label={t('supplychain.form.starHeld')}
              value={star}
              onChange={(e) => setStar(e.currentTarget.value)}
              data={[
                { value: '', label: '—' },
                ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `★${n}` })),
              ]}
            />
            <DateField
              label={t('supplychain.form.contractStart')}
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
            />
            <DateField
              label={t('supplychain.form.contractEnd')}
              value={end}
              onChange={(e) => setEnd(e.currentTarget.value)}
            />
          </SimpleGrid>
          {editing ? null : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('supplychain.form.contactName')}
                value={contactName}
                onChange={(e) => setContactName(e.currentTarget.value)}
              />
              <TextInput
                type="email"
                label={t('supplychain.form.contactEmail')}
                value={contactEmail}
                onChange={(e) => setContactEmail(e.currentTarget.value)}
              />
            </SimpleGrid>
          )}
          {linkable.length > 0 || linked ? (
            <NativeSelect
              label={t('supplychain.detail.linked')}
              value={linked}
              onChange={(e) => setLinked(e.currentTarget.value)}
              data={[
                { value: '', label: '—' },
                ...linkable.map((o) => ({ value: o.id, label: o.name })),
                ...(linked && !linkable.some((o) => o.id === linked) && editing?.linkedOrg
                  ? [{ value: linked, label: editing.linkedOrg.name }]
                  : []),
              ]}
            />
          ) : null}
          <Textarea
            label={t('supplychain.form.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {error ? (
            <div role="alert" style={{ color: 'var(--mantine-color-red-7)' }}>
              {error}
            </div>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('supplychain.form.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!name.trim() || cnError !== null}>
              {t('supplychain.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
