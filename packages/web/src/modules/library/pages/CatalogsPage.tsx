import { Anchor, Badge, Button, Group, Loader, Center, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import type { CatalogSummary } from '../../../api/types';
import { DataTable, type Column } from '../../../components/DataTable';
import { UploadIcon } from '../../../components/icons';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { currentLanguage } from '../../../i18n';
import { tx } from '../../../lib/catalog';
import { notifyError } from '../../../lib/notify';

export function CatalogKindBadge({ builtin }: { builtin: boolean }) {
  const { t } = useTranslation('library');
  return (
    <Badge variant="outline" color={builtin ? 'gray' : 'teal'} size="sm" style={{ flexShrink: 0 }}>
      {builtin ? t('catalogs.builtin') : t('catalogs.own')}
    </Badge>
  );
}

export function CatalogsPage() {
  const { t } = useTranslation('library');
  const { orgId, role } = useOrg();
  const lang = currentLanguage();
  const [items, setItems] = useState<CatalogSummary[] | null>(null);

  useEffect(() => {
    let active = true;
    api.catalogs(orgId).then(
      (response) => {
        if (active) setItems(response.items);
      },
      (error: unknown) => {
        if (!active) return;
        notifyError(error);
        setItems([]);
      },
    );
    return () => {
      active = false;
    };
  }, [orgId]);

  const columns: Column<CatalogSummary>[] = [
    {
      key: 'title',
      header: t('catalogs.name'),
      primary: true,
      render: (c) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/orgs/${orgId}/catalogs/${c.id}`} fw={500} size="sm">
            {tx(c.title, lang)}
          </Anchor>
          <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {c.urn}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'version',
      header: t('catalogs.version'),
      nowrap: true,
      render: (c) => <Text size="sm">{c.version}</Text>,
    },
    { key: 'kind', header: t('catalogs.kind'), render: (c) => <CatalogKindBadge builtin={c.builtin} /> },
    {
      key: 'items',
      header: t('catalogs.items'),
      nowrap: true,
      render: (c) => <Text size="sm">{t('catalogs.itemCount', { count: c.itemCount })}</Text>,
    },
  ];

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" gap="sm">
        <PageHeader title={t('catalogs.title')} description={t('catalogs.intro')} />
        {can(role, 'catalogs.manage') ? (
          <Button component={Link} to={`/orgs/${orgId}/catalogs/import`} leftSection={<UploadIcon />}>
            {t('catalogs.import')}
          </Button>
        ) : null}
      </Group>
      {items === null ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : (
        <DataTable label={t('catalogs.title')} columns={columns} rows={items} rowKey={(c) => c.id} />
      )}
      {items !== null && items.length === 0 ? (
        <Text c="dimmed" ta="center" py="md">
          {t('common.empty')}
        </Text>
      ) : null}
    </Stack>
  );
}
