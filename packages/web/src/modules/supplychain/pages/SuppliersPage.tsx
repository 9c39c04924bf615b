import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { can } from '@shinrai/core/browser';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { href } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { CRITICALITIES, supplychainApi, type Coverage, type Supplier } from '../api';
import { CoverageCard } from '../components/CoverageCard';
import { ImportModal } from '../components/ImportModal';
import { CriticalityBadge, StarCell, StatusCell, SuppliesText } from '../components/meta';
import { SupplierModal } from '../components/SupplierModal';

const SORTS = ['name', 'criticality', 'contractEnd', 'star'] as const;
type Sort = (typeof SORTS)[number];
const RANK = { high: 0, medium: 1, low: 2 } as const;

function sorted(items: Supplier[], sort: Sort): Supplier[] {
  const by = {
    name: (a: Supplier, b: Supplier) => a.name.localeCompare(b.name, 'ja'),
    criticality: (a: Supplier, b: Supplier) => RANK[a.criticality] - RANK[b.criticality],
    contractEnd: (a: Supplier, b: Supplier) =>
      (a.contractEnd ?? '9999').localeCompare(b.contractEnd ?? '9999'),
    star: (a: Supplier, b: Supplier) => (b.starRequired ?? 0) - (a.starRequired ?? 0),
  }[sort];
  return [...items].sort((a, b) => by(a, b) || a.name.localeCompare(b.name, 'ja'));
}

/** The buyer's supplier registry: coverage, filter and sort, add, import, export. */
export function SuppliersPage() {
  const { t } = useTranslation('supplychain');
  const { orgId, role } = useOrg();
  const navigate = useNavigate();
  const writer = can(role, 'supplychain.write');
  const [items, setItems] = useState<Supplier[] | null>(null);
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [criticality, setCriticality] = useState('');
  const [tier, setTier] = useState('');
  const [sort, setSort] = useState<Sort>('name');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);

  const load = useCallback(() => {
    Promise.all([supplychainApi.list(orgId), supplychainApi.coverage(orgId)]).then(
      ([list, cov]) => {
        setItems(list.items);
        setCoverage(cov);
      },
      (e: unknown) => {
        notifyError(e);
        setFailed(true);
      },
    );
  }, [orgId]);
  useEffect(load, [load]);

  const tiers = useMemo(() => [...new Set((items ?? []).map((s) => s.tier))].sort(), [items]);
  const shown = useMemo(() => {
    const q = query.normalize('NFKC').trim().toLowerCase();
    return sorted(
      (items ?? []).filter(
        (s) =>
          (q === '' ||
            s.name.toLowerCase().includes(q) ||
            (s.nameKana ?? '').toLowerCase().includes(q) ||
            (s.corporateNumber ?? '').includes(q)) &&
          (criticality === '' || s.criticality === criticality) &&
          (tier === '' || String(s.tier) === tier),
      ),
      sort,
    );
  }, [items, query, criticality, tier, sort]);

  const columns: Column<Supplier>[] = [
    {
      key: 'name',
      header: t('supplychain.col.name'),
      primary: true,
      render: (s) => (
        <Anchor component={Link} to={`/orgs/${orgId}/suppliers/${s.id}`} fw={500} size="sm">
          {s.name}
        </Anchor>
      ),
    },
    {
      key: 'cn',
      header: t('supplychain.col.corporateNumber'),
      nowrap: true,
      render: (s) => <Text size="sm">{s.corporateNumber ?? '—'}</Text>,
    },
    {
      key: 'tier',
      header: t('supplychain.col.tier'),
      nowrap: true,
      render: (s) => <Text size="sm">{t('supplychain.tierN', { tier: s.tier })}</Text>,
    },
    {
      key: 'criticality',
      header: t('supplychain.col.criticality'),
      nowrap: true,
      render: (s) => <CriticalityBadge value={s.criticality} />,
    },
    {
      key: 'supplies',
      header: t('supplychain.col.supplies'),
      render: (s) => <SuppliesText supplies={s.supplies} />,
    },
    { key: 'star', header: t('supplychain.col.star'), render: (s) => <StarCell s={s} /> },
    {
      key: 'contact',
      header: t('supplychain.col.contact'),
      render: (s) => <Text size="sm">{s.primaryContact?.name ?? '—'}</Text>,
    },
    {
      key: 'status',
      header: t('supplychain.col.status'),
      nowrap: true,
      render: (s) => <StatusCell since={s.statusKnownSince} />,
    },
  ];

  if (failed) return <Alert color="red">{t('supplychain.loadFailed')}</Alert>;

  return (
    <Stack gap="lg">
      <PageHeader title={t('supplychain.title')} description={t('supplychain.lead')} />
      <Group gap="sm">
        {writer ? <Button onClick={() => setAdding(true)}>{t('supplychain.add')}</Button> : null}
        {writer ? (
          <Button variant="light" onClick={() => setImporting(true)}>
            {t('supplychain.importButton')}
          </Button>
        ) : null}
        <Button variant="default" component={Link} to={`/orgs/${orgId}/suppliers/chain`}>
          {t('supplychain.chain')}
        </Button>
        <Button variant="default" component={Link} to={`/orgs/${orgId}/suppliers/coverage`}>
          {t('supplychain.dashboard.open')}
        </Button>
        <Button
          variant="subtle"
          component="a"
          href={href('/api/orgs/{orgId}/suppliers/export.xlsx', { orgId })}
        >
          {t('supplychain.exportXlsx')}
        </Button>
        <Button
          variant="subtle"
          component="a"
          href={href('/api/orgs/{orgId}/suppliers/export.csv', { orgId })}
        >
          {t('supplychain.exportCsv')}
        </Button>
        <Button
          variant="subtle"
          component="a"
          href={href('/api/orgs/{orgId}/suppliers/template.xlsx', { orgId })}
        >
          {t('supplychain.template')}
        </Button>
      </Group>
      {coverage && coverage.overall.total > 0 ? <CoverageCard coverage={coverage} /> : null}
      {items && items.length === 0 ? <Alert color="blue">{t('supplychain.empty')}</Alert> : null}
      {items && items.length > 0 ? (
        <>
          <Group gap="sm" align="end" wrap="wrap">
            <TextInput
              label={t('supplychain.search')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              style={{ flex: '1 1 14rem' }}
            />
            <NativeSelect
              label={t('supplychain.filterCriticality')}
              value={criticality}
              onChange={(e) => setCriticality(e.currentTarget.value)}
              data={[
                { value: '', label: t('supplychain.all') },
                ...CRITICALITIES.map((c) => ({ value: c, label: t(`supplychain.criticality.${c}`) })),
              ]}
            />
            <NativeSelect
              label={t('supplychain.filterTier')}
              value={tier}
              onChange={(e) => setTier(e.currentTarget.value)}
              data={[
                { value: '', label: t('supplychain.all') },
                ...tiers.map((n) => ({ value: String(n), label: t('supplychain.tierN', { tier: n }) })),
              ]}
            />
            <NativeSelect
              label={t('supplychain.sort')}
              value={sort}
              onChange={(e) => setSort(e.currentTarget.value as Sort)}
              data={SORTS.map((s) => ({ value: s, label: t(`supplychain.sortBy.${s}`) }))}
            />
          </Group>
          {shown.length === 0 ? <Text c="dimmed">{t('supplychain.noMatch')}</Text> : null}
          <DataTable
            label={t('supplychain.tableLabel')}
            rows={shown}
            rowKey={(s) => s.id}
            columns={columns}
          />
        </>
      ) : null}
      <SupplierModal
        orgId={orgId}
        opened={adding}
        onClose={() => setAdding(false)}
        onSaved={(id, merged) => {
          setAdding(false);
          notifySuccess(merged ? t('supplychain.form.merged') : t('supplychain.form.created'));
          void navigate(`/orgs/${orgId}/suppliers/${id}`);
        }}
      />
      <ImportModal
        orgId={orgId}
        opened={importing}
        onClose={() => setImporting(false)}
        onImported={(count) => {
          setImporting(false);
          notifySuccess(t('supplychain.import.done', { count }));
          load();
        }}
      />
    </Stack>
  );
}
