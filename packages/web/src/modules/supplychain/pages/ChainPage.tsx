import {
  Alert,
  Anchor,
  Badge,
  Box,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { can } from '@shinrai/core/browser';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { CRITICALITIES, supplychainApi, type Chain, type ChainNode, type RegistryShare } from '../api';
import { ChainDetails } from '../components/ChainDetails';
import { matches, SCORE_BANDS, shownNodes } from '../components/chainFilter';
import { CriticalityBadge } from '../components/meta';

const BAND_LABEL = {
  none: 'supplychain.chainPage.scoreNone',
  low: 'supplychain.chainPage.scoreLow',
  mid: 'supplychain.chainPage.scoreMid',
  high: 'supplychain.chainPage.scoreHigh',
} as const;

/** The drawn graph (React Flow + ELK) is its own chunk, loaded when the graph view is shown. */
const ChainGraph = lazy(() => import('../components/ChainGraph'));

/**
 * The chain: the buyer → tier 1 → tier 2 → tier 3+, as a drawn graph or as a list (a tree, for screen
 * readers and phones — the default on narrow screens), filterable by criticality, status and score band; a
 * company behind several tier-1 suppliers is highlighted; a selected node's details beside the graph.
 * Below: sharing one's own supplier list with one's buyers, and whether they may pass it on.
 */
export function ChainPage() {
  const { t } = useTranslation('supplychain');
  const { orgId, role, membership } = useOrg();
  const manager = can(role, 'supplychain.manage');
  const [chain, setChain] = useState<Chain | null>(null);
  const [shares, setShares] = useState<RegistryShare[]>([]);
  const [criticality, setCriticality] = useState('');
  const [status, setStatus] = useState('');
  const [score, setScore] = useState('');
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [view, setView] = useState<'graph' | 'list' | null>(null);
  const shownView = view ?? (narrow ? 'list' : 'graph');
  const [selectedId, setSelectedId] = useState<string | null>(null);

  useEffect(() => {
    supplychainApi.chain(orgId).then(setChain, notifyError);
    supplychainApi.registryShares(orgId).then((r) => setShares(r.items), notifyError);
  }, [orgId]);

  const concentrated = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of chain?.concentrations ?? []) for (const id of c.nodes) m.set(id, c.behind.length);
    return m;
  }, [chain]);

  const filter = useMemo(() => ({ criticality, status, score }), [criticality, status, score]);
  const shown = useMemo(() => shownNodes(chain?.nodes ?? [], filter), [chain, filter]);

  if (!chain) return <FullPageLoader />;
  const visible = (n: ChainNode) => matches(n, filter);
  const selected = chain.nodes.find((n) => n.id === selectedId) ?? null;
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
            {n.score !== null ? (
              <Badge size="sm" variant="light" color="blue">
                {t('supplychain.chainPage.score', { score: n.score })}
              </Badge>
            ) : null}
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

  const toggle = async (s: RegistryShare, shared: boolean, onward: boolean) => {
    try {
      setShares((await supplychainApi.setRegistryShare(orgId, s.orgId, shared, onward)).items);
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
        <NativeSelect
          label={t('supplychain.chainPage.scoreFilter')}
          value={score}
          onChange={(e) => setScore(e.currentTarget.value)}
          data={[
            { value: '', label: t('supplychain.all') },
            ...SCORE_BANDS.map((b) => ({ value: b, label: t(BAND_LABEL[b]) })),
          ]}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="chain-view-label">
            {t('supplychain.chainPage.view')}
          </Text>
          <SegmentedControl
            aria-labelledby="chain-view-label"
            value={shownView}
            onChange={(v) => setView(v)}
            data={[
              { value: 'graph', label: t('supplychain.chainPage.viewGraph') },
              { value: 'list', label: t('supplychain.chainPage.viewList') },
            ]}
          />
        </Stack>
      </Group>
      {chain.limits.truncated ? (
        <Alert color="yellow">{t('supplychain.chainPage.truncated', chain.limits)}</Alert>
      ) : null}
      {shownView === 'graph' ? (
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('supplychain.chainPage.legend')}{' '}
            {t('supplychain.chainPage.visibleCount', {
              count: [...shown.values()].filter((v) => v === 'match').length,
            })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <Paper withBorder style={{ gridColumn: narrow ? undefined : 'span 2', overflow: 'hidden' }}>
              <Suspense fallback={<Loader m="md" />}>
                <ChainGraph
                  buyerName={membership.organization.name}
                  nodes={chain.nodes}
                  shown={shown}
                  concentrated={concentrated}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                />
              </Suspense>
            </Paper>
            <ChainDetails
              node={selected}
              orgId={orgId}
              concentration={selected ? (concentrated.get(selected.id) ?? null) : null}
            />
          </SimpleGrid>
        </Stack>
      ) : (
        <Paper withBorder p="md">
          {narrow ? (
            <Text size="xs" c="dimmed" mb="xs">
              {t('supplychain.chainPage.graphPhone')}
            </Text>
          ) : null}
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
      )}
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
              <Stack key={s.orgId} gap={4}>
                <Switch
                  label={t('supplychain.shares.toggle', { name: s.orgName })}
                  checked={s.shared}
                  disabled={!manager}
                  onChange={(e) => void toggle(s, e.currentTarget.checked, s.onward)}
                />
                <Switch
                  ml="xl"
                  size="xs"
                  label={t('supplychain.shares.onward', { name: s.orgName })}
                  checked={s.onward}
                  disabled={!manager || !s.shared}
                  onChange={(e) => void toggle(s, true, e.currentTarget.checked)}
                />
              </Stack>
            ))
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
