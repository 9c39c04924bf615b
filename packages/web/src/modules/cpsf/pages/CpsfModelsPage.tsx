import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '@shinrai/core/browser';
import { cpsfApi, type ModelDetail, type ModelSummary } from '../../../api/cpsf';
import { BuildingWizard } from '../components/BuildingWizard';
import { NewModelModal } from '../components/NewModelModal';
import { DataTable, type Column } from '../../../components/DataTable';
import { PlusIcon } from '../../../components/icons';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';

/** The organization's CPSF models (価値創造プロセスのモデル) and the ways to start one. */
export function CpsfModelsPage() {
  const { t } = useTranslation('cpsf');
  const { orgId, role } = useOrg();
  const navigate = useNavigate();
  const lang = currentLanguage();
  const writer = can(role, 'assessments.write');
  const [items, setItems] = useState<ModelSummary[] | null>(null);
  const [newOpen, setNewOpen] = useState(false);
  const [wizardOpen, setWizardOpen] = useState(false);

  useEffect(() => {
    cpsfApi.models(orgId).then(
      (response) => setItems(response.items),
      (error: unknown) => {
        notifyError(error);
        setItems([]);
      },
    );
  }, [orgId]);

  // A model from the building wizard opens laid out automatically (?layout=auto).
  const created = (model: ModelDetail, layout = false) => {
    setNewOpen(false);
    setWizardOpen(false);
    notifySuccess(t('cpsf.models.created', { name: model.name }));
    void navigate(`/orgs/${orgId}/cpsf/${model.id}${layout ? '?layout=auto' : ''}`);
  };

  const columns: Column<ModelSummary>[] = [
    {
      key: 'name',
      header: t('cpsf.models.name'),
      primary: true,
      render: (m) => (
        <Anchor component={Link} to={`/orgs/${orgId}/cpsf/${m.id}`} fw={500} size="sm">
          {m.name}
        </Anchor>
      ),
    },
    {
      key: 'scope',
      header: t('cpsf.models.scope'),
      render: (m) => (
        <Text size="sm">
          {t(`cpsf.scopeTypes.${m.scopeType}`)}
          {m.scopeLabel ? `: ${m.scopeLabel}` : ''}
        </Text>
      ),
    },
    {
      key: 'size',
      header: t('cpsf.models.size'),
      nowrap: true,
      render: (m) => (
        <Text size="sm">{t('cpsf.models.sizeValue', { elements: m.elementCount, edges: m.edgeCount })}</Text>
      ),
    },
    {
      key: 'updated',
      header: t('cpsf.models.updatedAt'),
      nowrap: true,
      render: (m) => <Text size="sm">{formatDateTime(m.updatedAt, lang)}</Text>,
    },
  ];

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" gap="sm">
        <PageHeader title={t('cpsf.models.title')} description={t('cpsf.models.intro')} />
        {writer ? (
          <Group gap="xs">
            <Button variant="light" onClick={() => setWizardOpen(true)}>
              {t('cpsf.building.open')}
            </Button>
            <Button leftSection={<PlusIcon />} onClick={() => setNewOpen(true)}>
              {t('cpsf.models.new')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {items && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cpsf.models.empty')}
        </Text>
      ) : null}
      <DataTable label={t('cpsf.models.title')} columns={columns} rows={items ?? []} rowKey={(m) => m.id} />
      {writer ? (
        <>
          <NewModelModal
            orgId={orgId}
            opened={newOpen}
            onClose={() => setNewOpen(false)}
            onCreated={(model) => created(model)}
          />
          <BuildingWizard
            orgId={orgId}
            opened={wizardOpen}
            onClose={() => setWizardOpen(false)}
            onCreated={(model) => created(model, true)}
          />
        </>
      ) : null}
    </Stack>
  );
}
