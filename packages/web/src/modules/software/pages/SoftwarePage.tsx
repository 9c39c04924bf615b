import { Alert, Anchor, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { can } from '@shinrai/core/browser';
import { softwareApi, type Product } from '../../../api/software';
import { DataTable, type Column } from '../../../components/DataTable';
import { PlusIcon } from '../../../components/icons';
import { useOrg } from '../../../components/OrgContext';
import { AdvisoryDbNotice } from '../components/AdvisoryDbNotice';
import { PageHeader } from '../../../components/PageHeader';
import { RiskBadges, SoftwareNav, SupportBadge, formatCount } from '../components/meta';
import { IncidentsPanel } from '../components/IncidentsPanel';
import { NotificationsPanel } from '../components/NotificationsPanel';
import { ProductModal } from '../components/ProductModal';
import { currentLanguage } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';

const TABS = ['products', 'incidents', 'notifications'] as const;
type Tab = (typeof TABS)[number];

/**
 * The organization's products (製品) with their open risk: the start of the software section; beside them
 * the software incidents and (owners and admins) the notification settings.
 */
export function SoftwarePage() {
  const { t } = useTranslation('software');
  const { orgId, role } = useOrg();
  const navigate = useNavigate();
  const lang = currentLanguage();
  const writer = can(role, 'assessments.write');
  const manager = can(role, 'org.update');
  const [params, setParams] = useSearchParams();
  const tabs = TABS.filter((x) => x !== 'notifications' || manager);
  const tab: Tab = tabs.find((x) => x === params.get('tab')) ?? 'products';
  const [items, setItems] = useState<Product[] | null>(null);
  const [newOpen, setNewOpen] = useState(false);

  useEffect(() => {
    softwareApi.products(orgId).then(
      (response) => setItems(response.items),
      (error: unknown) => {
        notifyError(error);
        setItems([]);
      },
    );
  }, [orgId]);

  const malicious = (items ?? []).filter((p) => p.risk.malicious > 0);

  const columns: Column<Product>[] = [
    {
      key: 'name',
      header: t('software.products.name'),
      primary: true,
      render: (p) => (
        <Anchor component={Link} to={`/orgs/${orgId}/software/products/${p.id}`} fw={500} size="sm">
          {p.name}
        </Anchor>
      ),
    },
    {
      key: 'kind',
      header: t('software.products.kind'),
      nowrap: true,
      render: (p) => (
        <Text size="sm">
          {t(`software.kinds.${p.kind}`)}
          {p.vendor ? ` · ${p.vendor}` : ''}
        </Text>
      ),
    },
    {
      key: 'risk',
      header: t('software.products.risk'),
      render: (p) => <RiskBadges risk={p.risk} />,
    },
    {
      key: 'releases',
      header: t('software.products.releases'),
      nowrap: true,
      render: (p) => <Text size="sm">{formatCount(p.releaseCount, lang)}</Text>,
    },
    {
      key: 'support',
      header: t('software.products.supportEnds'),
      nowrap: true,
      render: (p) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{p.supportEnds ? formatDate(p.supportEnds, lang) : '—'}</Text>
          <SupportBadge supportEnds={p.supportEnds} supportEnded={p.supportEnded} />
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" gap="sm">
        <PageHeader title={t('software.products.title')} description={t('software.products.intro')} />
        {writer ? (
          <Button leftSection={<PlusIcon />} onClick={() => setNewOpen(true)}>
            {t('software.products.new')}
          </Button>
        ) : null}
      </Group>
      <SoftwareNav orgId={orgId} current="products" />
      <AdvisoryDbNotice orgId={orgId} />
      {malicious.length > 0 ? (
        <Alert color="red" variant="filled" title={t('software.alert.maliciousTitle')} role="alert">
          {t('software.alert.maliciousProducts', {
            names: malicious.map((p) => p.name).join(lang === 'ja' ? '、' : ', '),
          })}
        </Alert>
      ) : null}
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'products' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`software.products.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="products" pt="sm">
          {items && items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('software.products.empty')}
            </Text>
          ) : null}
          <DataTable
            label={t('software.products.title')}
            columns={columns}
            rows={items ?? []}
            rowKey={(p) => p.id}
          />
        </Tabs.Panel>
        <Tabs.Panel value="incidents" pt="sm">
          <IncidentsPanel orgId={orgId} />
        </Tabs.Panel>
        {manager ? (
          <Tabs.Panel value="notifications" pt="sm">
            <NotificationsPanel orgId={orgId} manager={manager} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
      {writer ? (
        <ProductModal
          orgId={orgId}
          opened={newOpen}
          onClose={() => setNewOpen(false)}
          onCreated={(product) => {
            setNewOpen(false);
            notifySuccess(t('software.products.created', { name: product.name }));
            void navigate(`/orgs/${orgId}/software/products/${product.id}`);
          }}
        />
      ) : null}
    </Stack>
  );
}
