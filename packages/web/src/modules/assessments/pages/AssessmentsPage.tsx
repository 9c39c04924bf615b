import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { can } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import type { Assessment, CatalogSummary } from '../../../api/types';
import { AssessmentStatusBadge } from '../components/AssessmentStatusBadge';
import { DataTable, type Column } from '../../../components/DataTable';
import { PlusIcon } from '../../../components/icons';
import { LoadMore } from '../../../components/LoadMore';
import { NewAssessmentModal } from '../components/NewAssessmentModal';
import { ReviewSettings } from '../components/ReviewSettings';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { currentLanguage } from '../../../i18n';
import { tx } from '../../../lib/catalog';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePaged } from '../../../lib/usePaged';

export function AssessmentsPage() {
  const { t } = useTranslation('assessments');
  const { orgId, role } = useOrg();
  const navigate = useNavigate();
  const lang = currentLanguage();
  const [params, setParams] = useSearchParams();
  const list = usePaged<Assessment>(orgId, (cursor) => api.assessments(orgId, cursor));
  const [catalogs, setCatalogs] = useState<CatalogSummary[]>([]);
  const writer = can(role, 'assessments.write');
  const newFor = params.get('new');
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    api.catalogs(orgId).then(
      (response) => setCatalogs(response.items),
      (error: unknown) => notifyError(error),
    );
  }, [orgId]);

  // /assessments?new=<catalogId> (from the catalog browser) opens the dialog with that catalog.
  useEffect(() => {
    if (newFor !== null && writer) setOpened(true);
  }, [newFor, writer]);

  const close = () => {
    setOpened(false);
    if (newFor !== null) setParams({}, { replace: true });
  };

  const catalogName = (id: string) => {
    const c = catalogs.find((x) => x.id === id);
    return c
      ? t('common.withNote', { text: tx(c.title, lang), note: c.version })
      : t('assessments.unknownCatalog');
  };

  const columns: Column<Assessment>[] = [
    {
      key: 'title',
      header: t('assessments.name'),
      primary: true,
      render: (a) => (
        <Anchor component={Link} to={`/orgs/${orgId}/assessments/${a.id}`} fw={500} size="sm">
          {a.title}
        </Anchor>
      ),
    },
    {
      key: 'catalog',
      header: t('assessments.catalog'),
      render: (a) => (
        <Text size="sm" lineClamp={2}>
          {catalogName(a.catalogId)}
        </Text>
      ),
    },
    {
      key: 'scope',
      header: t('assessments.scope'),
      render: (a) => (
        <Text size="sm">
          {t(`assessments.scopeTypes.${a.scope.type}`)}
          {a.scope.label ? `: ${a.scope.label}` : ''}
        </Text>
      ),
    },
    { key: 'status', header: t('common.status'), render: (a) => <AssessmentStatusBadge status={a.status} /> },
    {
      key: 'updated',
      header: t('assessments.updatedAt'),
      nowrap: true,
      render: (a) => <Text size="sm">{formatDateTime(a.updatedAt, lang)}</Text>,
    },
  ];

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" gap="sm">
        <PageHeader title={t('assessments.title')} description={t('assessments.intro')} />
        {writer ? (
          <Button leftSection={<PlusIcon />} onClick={() => setOpened(true)}>
            {t('assessments.new')}
          </Button>
        ) : null}
      </Group>
      {!writer ? <Alert color="gray">{t('assessments.readOnly')}</Alert> : null}
      <DataTable label={t('assessments.title')} columns={columns} rows={list.items} rowKey={(a) => a.id} />
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loading}
        empty={list.items.length === 0}
        onLoadMore={list.loadMore}
      />
      <ReviewSettings orgId={orgId} role={role} />
      {writer ? (
        <NewAssessmentModal
          opened={opened}
          onClose={close}
          orgId={orgId}
          catalogs={catalogs}
          initialCatalogId={newFor}
          onCreated={(assessment) => {
            close();
            notifySuccess(t('assessments.created', { title: assessment.title }));
            void navigate(`/orgs/${orgId}/assessments/${assessment.id}`);
          }}
        />
      ) : null}
    </Stack>
  );
}
