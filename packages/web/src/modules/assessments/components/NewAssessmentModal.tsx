import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import {
  SCOPE_TYPES,
  type Assessment,
  type CatalogSummary,
  type CatalogTier,
  type ScopeType,
} from '../../../api/types';
import { DateField } from '../../../components/DateField';
import { currentLanguage } from '../../../i18n';
import { tx } from '../../../lib/catalog';
import { serverFieldErrors } from '../../../lib/fieldErrors';
import { formatDateTime } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';

const isScope = (value: string | null): value is ScopeType =>
  (SCOPE_TYPES as readonly (string | null)[]).includes(value);

type Field = 'catalog' | 'tier' | 'title' | 'scopeLabel' | 'dueDate' | 'basedOn';

/** "New assessment": catalog, tier (when the pack has tiers), title, scope, due date, optional start point. */
export function NewAssessmentModal({
  opened,
  onClose,
  orgId,
  catalogs,
  initialCatalogId,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  orgId: string;
  catalogs: CatalogSummary[];
  initialCatalogId: string | null;
  onCreated: (assessment: Assessment) => void;
}) {
  const { t } = useTranslation('assessments');
  const lang = currentLanguage();
  const [catalogId, setCatalogId] = useState<string | null>(null);
  const [tiers, setTiers] = useState<CatalogTier[]>([]);
  const [tier, setTier] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [titleTouched, setTitleTouched] = useState(false);
  const [scopeType, setScopeType] = useState<ScopeType>('organization');
  const [scopeLabel, setScopeLabel] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [basedOn, setBasedOn] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<Assessment[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setCatalogId(initialCatalogId);
    setTier(null);
    setTitle('');
    setTitleTouched(false);
    setScopeType('organization');
    setScopeLabel('');
    setDueDate('');
    setBasedOn(null);
    setErrors({});
    api.assessments(orgId, null, 200).then(
      (page) => setEarlier(page.items),
      (error: unknown) => notifyError(error),
    );
  }, [opened, orgId, initialCatalogId]);

  const catalog = catalogs.find((c) => c.id === catalogId);

  // The tiers come with the pack; a new catalog choice also proposes a title.
  useEffect(() => {
    setTiers([]);
    setTier(null);
    setBasedOn(null);
    if (!catalogId) return undefined;
    let active = true;
    api.catalog(orgId, catalogId).then(
      (detail) => {
        if (active) setTiers(detail.pack.tiers ?? []);
      },
      (error: unknown) => notifyError(error),
    );
    return () => {
      active = false;
    };
  }, [orgId, catalogId]);

  useEffect(() => {
    if (catalog && !titleTouched) setTitle(tx(catalog.title, lang));
  }, [catalog, titleTouched, lang]);

  // "Start from": assessments of the same catalog (any version of it).
  const sameCatalog = catalog
    ? earlier.filter((a) => catalogs.find((c) => c.id === a.catalogId)?.urn === catalog.urn)
    : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!catalogId) found.catalog = t('validation.required');
    if (!title.trim()) found.title = t('validation.required');
    setErrors(found);
    if (!catalogId || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const { assessment } = await api.createAssessment(orgId, {
        catalogId,
        title: title.trim(),
        scopeType,
        ...(tier ? { tier } : {}),
        ...(scopeLabel.trim() ? { scopeLabel: scopeLabel.trim() } : {}),
        ...(dueDate ? { dueDate } : {}),
        ...(basedOn ? { basedOn } : {}),
      });
      onCreated(assessment);
    } catch (error) {
      const fields = serverFieldErrors<Field>(error, {
        '/catalogId': 'catalog',
        '/tier': 'tier',
        '/title': 'title',
        '/scopeLabel': 'scopeLabel',
        '/dueDate': 'dueDate',
        '/basedOn': 'basedOn',
      });
      setErrors(fields);
      if (Object.keys(fields).length === 0) notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('assessments.dialogTitle')} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Select
            label={t('assessments.catalog')}
            required
            searchable
            data={catalogs.map((c) => ({
              value: c.id,
              label: t('common.withNote', { text: tx(c.title, lang), note: c.version }),
            }))}
            value={catalogId}
            onChange={setCatalogId}
            error={errors.catalog}
            comboboxProps={{ withinPortal: true }}
          />
          {tiers.length > 0 ? (
            <Select
              label={t('assessments.tier')}
              placeholder={t('assessments.tierAll')}
              data={tiers.map((x) => ({ value: x.id, label: tx(x.label, lang) }))}
              value={tier}
              onChange={setTier}
              clearable
              error={errors.tier}
              comboboxProps={{ withinPortal: true }}
            />
          ) : null}
          <TextInput
            label={t('assessments.name')}
            required
            value={title}
            onChange={(event) => {
              setTitle(event.currentTarget.value);
              setTitleTouched(true);
            }}
            error={errors.title}
            maxLength={200}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('assessments.scopeType')}
              required
              allowDeselect={false}
              data={SCOPE_TYPES.map((s) => ({ value: s, label: t(`assessments.scopeTypes.${s}`) }))}
              value={scopeType}
              onChange={(value) => {
                if (isScope(value)) setScopeType(value);
              }}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('assessments.scopeLabel')}
              placeholder={t('assessments.scopeLabelPlaceholder')}
              value={scopeLabel}
              onChange={(event) => setScopeLabel(event.currentTarget.value)}
              error={errors.scopeLabel}
              maxLength={200}
            />
          </SimpleGrid>
          <DateField
            label={t('assessments.dueDate')}
            value={dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
            error={errors.dueDate}
            maw={220}
          />
          {sameCatalog.length > 0 ? (
            <Select
              label={t('assessments.basedOn')}
              description={t('assessments.basedOnHint')}
              placeholder={t('assessments.basedOnNone')}
              data={sameCatalog.map((a) => ({
                value: a.id,
                label: t('common.withNote', {
                  text: a.title,
                  note: `${t(`assessments.statuses.${a.status}`)} · ${formatDateTime(a.updatedAt, lang)}`,
                }),
              }))}
              value={basedOn}
              onChange={setBasedOn}
              clearable
              error={errors.basedOn}
              comboboxProps={{ withinPortal: true }}
            />
          ) : null}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('assessments.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
