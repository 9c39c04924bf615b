import { Alert, Anchor, Badge, Box, Group, NativeSelect, Paper, Stack, Switch, Text } from '@mantine/core';
import { can } from '@shinrai/core/browser';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { CRITICALITIES, supplychainApi, type Chain, type ChainNode, type RegistryShare } from '../api';
import { CriticalityBadge } from '../components/meta';

/**
 * The chain as a tree: the buyer → tier 1 → tier 2 (+), filterable by criticality and status; a company
 * behind several tier-1 suppliers is highlighted. Below: sharing one's own supplier list with one's buyers.
 */
export function ChainPage() {
  const { t } = useTranslation('supplychain');
  const { orgId, role, membership } = useOrg();
  const manager = can(role, 'supplychain.manage');
  const [chain, setChain] = useState<Chain | null>(null);
  const [shares, setShares] = useState<RegistryShare[]>([]);
  const [criticality, setCriticality] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    supplychainApi.chain(orgId).then(setChain, notifyError);
    supplychainApi.registryShares(orgId).then((r) => setShares(r.items), notifyError);
  }, [orgId]);

  const concentrated = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of chain?.concentrations ?? []) for (const id of c.nodes) m.set(id, c.behind.length);
    return m;
  }, [chain]);

  if (!chain) return <FullPageLoader />;
  const visible = (n: ChainNode) =>
    (criticality === '' || n.criticality === criticality) &&
    (status === '' || (status === 'known') === n.statusKnown);
  const childrenOf = (id: string | null) => chain.nodes.filter((n) => n.parentId === id);

  const renderNode = (n: ChainNode, depth: number): React.ReactNode => {
    const kids = childrenOf(n.id)
      .map((c) => renderNode(c, depth + 1))
      .filter(Boolean);
    if (!visible(n) && kids.length === 0) return null;
    const hot = concentrated.get(n.id);
    return (
      <Box key={n.id} component="li" ml={depth === 1 ? 0 : 'md'} style={{ listStyle: 'none' }}>
        <Paper
          withBorder
          p="xs"
          my={4}
          style={hot ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
          data-concentration={hot ? 'true' : undefined}
        >
          <Group gap="xs" wrap="wrap">
            <Badge variant="outline" size="sm">
              {t('supplychain.tierN', { tier: n.tier })}
            </Badge>
            {n.source === 'record' ? (
              <Anchor component={Link} to={`/orgs/${orgId}/suppliers/${n.id}`} size="sm" fw={500}>
                {n.name}
              </Anchor>
            ) : (
              <Text size="sm" fw={500}>
                {n.name}
              </Text>
            )}
            <CriticalityBadge value={n.criticality} />
            <Badge size="sm" variant="light" color={n.source === 'shared' ? 'teal' : 'gray'}>
              {n.source === 'shared' ? t('supplychain.chainPage.shared') : t('supplychain.chainPage.record')}
            </Badge>
            <Badge
              size="sm"
              variant={n.statusKnown ? 'light' : 'outline'}
              color={n.statusKnown ? 'green' : 'gray'}
            >
              {n.statusKnown
                ? t('supplychain.chainPage.statusKnown')
                : t('supplychain.chainPage.statusUnknown')}
            </Badge>
            {hot ? (
              <Badge size="sm" color="red">
                {t('supplychain.chainPage.concentration', { count: hot })}
              </Badge>
            ) : null}
          </Group>
        </Paper>
        {kids.length > 0 ? (
          <Box component="ul" p={0} m={0}>
            {kids}
          </Box>
        ) : null}
      </Box>
    );
  };
  const roots = childrenOf(null)
    .map((n) => renderNode(n, 1))
    .filter(Boolean);

  const toggle = async (s: RegistryShare, shared: boolean) => {
    try {
      setShares((await supplychainApi.setRegistryShare(orgId, s.orgId, shared)).items);
      notifySuccess(t('supplychain.shares.saved'));
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/orgs/${orgId}/suppliers`} size="sm">
        ← {t('supplychain.detail.back')}
      </Anchor>
      <PageHeader title={t('supplychain.chainPage.title')} description={t('supplychain.chainPage.lead')} />
      <Group gap="sm" align="end">
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
          label={t('supplychain.chainPage.statusFilter')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: '', label: t('supplychain.all') },
            { value: 'known', label: t('supplychain.chainPage.statusKnown') },
            { value: 'unknown', label: t('supplychain.chainPage.statusUnknown') },
          ]}
        />
      </Group>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          {membership.organization.name} ({t('supplychain.chainPage.buyer')})
        </Text>
        {roots.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('supplychain.chainPage.empty')}
          </Text>
        ) : (
          <Box component="ul" p={0} m={0} aria-label={t('supplychain.chainPage.title')}>
            {roots}
          </Box>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          {t('supplychain.chainPage.concentrationsTitle')}
        </Text>
        {chain.concentrations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('supplychain.chainPage.concentrationsNone')}
          </Text>
        ) : (
          chain.concentrations.map((c) => (
            <Text key={c.key} size="sm">
              {c.name} {c.corporateNumber ? `(${c.corporateNumber})` : ''} —{' '}
              {t('supplychain.chainPage.concentration', { count: c.behind.length })}
            </Text>
          ))
        )}
        {chain.notShared.length > 0 ? (
          <Alert color="gray" mt="sm" title={t('supplychain.chainPage.notShared')}>
            {chain.notShared.map((n) => n.orgName).join('、')}
          </Alert>
        ) : null}
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>{t('supplychain.shares.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('supplychain.shares.lead')}
          </Text>
          {shares.length === 0 ? (
            <Text size="sm">{t('supplychain.shares.none')}</Text>
          ) : (
            shares.map((s) => (
              <Switch
                key={s.orgId}
                label={t('supplychain.shares.toggle', { name: s.orgName })}
                checked={s.shared}
                disabled={!manager}
                onChange={(e) => void toggle(s, e.currentTarget.checked)}
              />
            ))
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
