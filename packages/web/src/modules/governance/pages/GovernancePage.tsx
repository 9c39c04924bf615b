import {
  Alert,
  Badge,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can, formatLevel, formatPercent } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import {
  DIRECTIVE_REFS,
  type Assessment,
  type CatalogSummary,
  type DirectiveRef,
  type GovernanceAction,
  type GovernanceGroup,
  type GovernancePeers,
  type GovernanceRadar,
  type GovernanceTargets,
  type LocalText,
  type Member,
} from '../../../api/types';
import { AssessmentStatusBadge } from '../../assessments/public';
import { DataTable, type Column } from '../../../components/DataTable';
import { ActionPlan } from '../components/ActionPlan';
import { GovernanceRadarChart } from '../components/GovernanceRadarChart';
import { TargetEditor } from '../components/TargetEditor';
import { DownloadIcon } from '../../../components/icons';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { currentLanguage } from '../../../i18n';
import { useSession } from '../../../session/SessionContext';
import { allPages } from '../../../lib/allPages';
import { tx } from '../../../lib/catalog';
import { formatDate, formatDateTime } from '../../../lib/format';
import { directiveNumber, gap } from '../lib/governance';
import { ReportNotes } from '../components/ReportNotes';
import { notifyError } from '../../../lib/notify';
import { GOVERNANCE_URN, latestCatalog } from '../../sme/public';

// One rounding everywhere (screens and the board report): @shinrai/core's formats.
const pct = (v: number | null | undefined) => formatPercent(v);
const lvl = (v: number | null | undefined) => formatLevel(v);

type RadarAxis = GovernanceRadar['axes'][number];
type GroupCompany = GovernanceGroup['companies'][number];

/**
 * サイバーセキュリティ経営 for executives: the ten directives on a radar (this year, last year, target),
 * targets, the same-industry average, group companies, the PDCA action plan and the board report.
 */
export function GovernancePage() {
  const { t } = useTranslation(['governance', 'assessments']);
  const { orgId, role } = useOrg();
  const { me } = useSession();
  const navigate = useNavigate();
  const lang = currentLanguage();
  const writer = can(role, 'assessments.write');
  const reviewer = can(role, 'assessments.review');

  const [catalogs, setCatalogs] = useState<CatalogSummary[] | null>(null);
  const [assessments, setAssessments] = useState<Assessment[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [radar, setRadar] = useState<GovernanceRadar | null>(null);
  const [targets, setTargets] = useState<GovernanceTargets | null>(null);
  const [peers, setPeers] = useState<GovernancePeers | null>(null);
  const [group, setGroup] = useState<GovernanceGroup | null>(null);
  const [actions, setActions] = useState<GovernanceAction[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let active = true;
    (async () => {
      const [cats, list] = await Promise.all([
        api.catalogs(orgId).then((r) => r.items),
        allPages((cursor) => api.assessments(orgId, cursor)),
      ]);
      if (!active) return;
      const ids = new Set(cats.filter((c) => c.urn === GOVERNANCE_URN).map((c) => c.id));
      setCatalogs(cats);
      setAssessments(list.filter((a) => ids.has(a.catalogId)));
    })().catch((error: unknown) => {
      if (!active) return;
      setCatalogs([]);
      setAssessments([]);
      notifyError(error);
    });
    api.governanceTargets(orgId).then(
      (r) => active && setTargets(r.targets),
      (error: unknown) => notifyError(error),
    );
    api.governancePeers(orgId).then(
      (r) => active && setPeers(r),
      () => undefined,
    );
    api.governanceGroup(orgId).then(
      (r) => active && setGroup(r),
      () => undefined,
    );
    allPages((cursor) => api.members(orgId, cursor)).then(
      (m) => active && setMembers(m),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [orgId]);

  const loadRadar = useCallback(
    () =>
      api.governanceRadar(orgId, selected ?? undefined).then(
        (r) => setRadar(r),
        (error: unknown) => notifyError(error),
      ),
    [orgId, selected],
  );
  const loadActions = useCallback(
    () =>
      api.governanceActions(orgId).then(
        (r) => setActions(r.items),
        (error: unknown) => notifyError(error),
      ),
    [orgId],
  );
  useEffect(() => {
    void loadRadar();
  }, [loadRadar]);
  useEffect(() => {
    void loadActions();
  }, [loadActions]);

  const titles = useMemo(
    () => new Map<DirectiveRef, LocalText>((radar?.axes ?? []).map((a) => [a.ref, a.title])),
    [radar],
  );

  const start = async () => {
    const catalog = catalogs ? latestCatalog(catalogs, GOVERNANCE_URN) : null;
    if (!catalog) return;
    setCreating(true);
    try {
      const { assessment } = await api.createAssessment(orgId, {
        catalogId: catalog.id,
        title: t('governance.assessmentTitle', { year: new Date().getFullYear() }),
        scopeType: 'organization',
      });
      void navigate(`/orgs/${orgId}/assessments/${assessment.id}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setCreating(false);
    }
  };

  if (!assessments || !catalogs)
    return (
      <Stack>
        <PageHeader title={t('governance.title')} />
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      </Stack>
    );

  const current = radar?.assessment ?? null;
  const shownId = selected ?? current?.id ?? null;

  const axisColumns: Column<RadarAxis>[] = [
    {
      key: 'directive',
      header: t('governance.directive'),
      primary: true,
      render: (a) => tx(a.title, lang),
    },
    {
      key: 'current',
      header: t('governance.series.current'),
      nowrap: true,
      render: (a) =>
        a.currentLevel === null
          ? '—'
          : t('governance.levelPercent', { level: lvl(a.currentLevel), percent: pct(a.current) }),
    },
    {
      key: 'previous',
      header: t('governance.series.previous'),
      nowrap: true,
      render: (a) =>
        a.previousLevel === null
          ? '—'
          : t('governance.levelPercent', { level: lvl(a.previousLevel), percent: pct(a.previous) }),
    },
    {
      key: 'target',
      header: t('governance.series.target'),
      nowrap: true,
      render: (a) => lvl(a.targetLevel),
    },
    {
      key: 'gap',
      header: t('governance.gap'),
      nowrap: true,
      render: (a) => {
        const g = gap(a.current, a.target);
        return g === null ? (
          '—'
        ) : (
          <Text size="sm" c={g > 0 ? 'orange.8' : 'teal.8'} fw={600}>
            {g > 0 ? t('governance.below', { points: g }) : t('governance.reached')}
          </Text>
        );
      },
    },
    {
      key: 'actions',
      header: t('governance.actionCounts'),
      nowrap: true,
      render: (a) =>
        a.actions.open + a.actions.done === 0 ? (
          '—'
        ) : (
          <Text size="sm" span>
            {t('governance.open', { count: a.actions.open })}
            {a.actions.overdue > 0 ? (
              <Text span size="sm" c="red.7" fw={700}>
                {' '}
                {t('governance.overdueCount', { count: a.actions.overdue })}
              </Text>
            ) : null}
          </Text>
        ),
    },
  ];

  const groupColumns: Column<GroupCompany>[] = [
    {
      key: 'org',
      header: t('governance.group.company'),
      primary: true,
      render: (c) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {c.organization.name}
          </Text>
          {c.self ? (
            <Badge size="xs" variant="light" tt="none">
              {t('governance.group.self')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    {
      key: 'overall',
      header: t('governance.group.overall'),
      nowrap: true,
      render: (c) => (c.assessment ? pct(c.overall) : t('governance.group.noAssessment')),
    },
    ...DIRECTIVE_REFS.map((ref) => ({
      key: ref,
      header: t('governance.directiveShort', { n: directiveNumber(ref) }),
      nowrap: true,
      render: (c: GroupCompany) => pct(c.directives[ref]),
    })),
  ];

  return (
    <Stack maw={1200} gap="md">
      <PageHeader title={t('governance.title')} description={t('governance.intro')} />

      {assessments.length === 0 ? (
        <Alert color="indigo" title={t('governance.noneTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('governance.none')}</Text>
            {writer ? (
              <Button onClick={() => void start()} loading={creating}>
                {t('governance.start')}
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ) : (
        <Paper withBorder p="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('governance.assessment')}
              data={assessments.map((a) => ({
                value: a.id,
                label: `${a.title}（${t(`assessments:assessments.statuses.${a.status}`)}）`,
              }))}
              value={shownId}
              onChange={(v) => setSelected(v)}
              allowDeselect={false}
              style={{ flex: '1 1 260px' }}
              comboboxProps={{ withinPortal: true }}
            />
            {shownId ? (
              <Button component={Link} to={`/orgs/${orgId}/assessments/${shownId}`} variant="light">
                {t('governance.openAssessment')}
              </Button>
            ) : null}
            {writer ? (
              <Button variant="subtle" onClick={() => void start()} loading={creating}>
                {t('governance.startAnother')}
              </Button>
            ) : null}
          </Group>
          {current ? (
            <Group gap="xs" mt="xs">
              <AssessmentStatusBadge status={current.status} />
              <Text size="sm" c="dimmed">
                {t('governance.overall', { percent: pct(current.percent) })}
                {radar?.previous
                  ? ` ・ ${t('governance.previousIs', {
                      title: radar.previous.title,
                      date: formatDate(radar.previous.createdAt, lang),
                    })}`
                  : ''}
              </Text>
            </Group>
          ) : null}
        </Paper>
      )}

      {assessments.length > 0 ? (
        <Paper withBorder p="md">
          <Stack gap="md">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Stack gap={0}>
                <Title order={2} size="h4">
                  {t('governance.report.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('governance.report.intro')}
                </Text>
              </Stack>
              <Group gap="xs">
                <Button
                  component="a"
                  href={api.governanceReportUrl(orgId, 'pdf', lang, shownId ?? undefined)}
                  download
                  leftSection={<DownloadIcon />}
                >
                  {t('governance.report.pdf')}
                </Button>
                <Button
                  component="a"
                  href={api.governanceReportUrl(orgId, 'xlsx', lang, shownId ?? undefined)}
                  download
                  variant="default"
                  leftSection={<DownloadIcon />}
                >
                  {t('governance.report.xlsx')}
                </Button>
              </Group>
            </Group>
            <ReportNotes orgId={orgId} assessmentId={shownId ?? null} editable={reviewer} />
          </Stack>
        </Paper>
      ) : null}

      {radar ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Paper withBorder p="md" h="100%">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('governance.radarTitle')}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('governance.radarNote')}
                </Text>
                {radar.assessment || radar.previous ? (
                  <GovernanceRadarChart radar={radar} peers={peers} />
                ) : (
                  <Text size="sm" c="dimmed" py="xl" ta="center">
                    {t('governance.radarEmpty')}
                  </Text>
                )}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Paper withBorder p="md" h="100%">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('governance.peers.title')}
                </Title>
                {peers === null ? null : peers.available ? (
                  <>
                    <Text size="sm" c="dimmed">
                      {t('governance.peers.intro', {
                        count: peers.contributors,
                        bucket: peers.rule.bucketPoints,
                      })}
                    </Text>
                    <Table fz="sm" verticalSpacing={4} aria-label={t('governance.peers.title')}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('governance.directive')}</Table.Th>
                          <Table.Th ta="right">{t('governance.series.current')}</Table.Th>
                          <Table.Th ta="right">{t('governance.series.peers')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {peers.averages.map((p) => (
                          <Table.Tr key={p.ref}>
                            <Table.Td>
                              {t('governance.directiveShort', { n: directiveNumber(p.ref) })}
                            </Table.Td>
                            <Table.Td ta="right">
                              {pct(radar.axes.find((a) => a.ref === p.ref)?.current)}
                            </Table.Td>
                            <Table.Td ta="right">{pct(p.average)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </>
                ) : (
                  <Alert color="gray" variant="light" data-testid="peers-unavailable">
                    {peers.reason === 'no_industry'
                      ? t('governance.peers.noIndustry')
                      : peers.reason === 'not_computed'
                        ? t('governance.peers.notComputed')
                        : t('governance.peers.tooFew', {
                            count: peers.contributors,
                            min: peers.rule.minContributors,
                          })}
                  </Alert>
                )}
                {peers === null ? null : (
                  <Text size="xs" c="dimmed" data-testid="peers-rule">
                    {peers.computedAt === null
                      ? null
                      : `${t('governance.peers.computedAt', { at: formatDateTime(peers.computedAt, lang) })} `}
                    {t('governance.peers.rule', {
                      min: peers.rule.minContributors,
                      bucket: peers.rule.bucketPoints,
                    })}
                  </Text>
                )}
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
      ) : (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}

      {radar && (radar.assessment || radar.previous) ? (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('governance.directivesTitle')}
          </Title>
          <DataTable
            columns={axisColumns}
            rows={radar.axes}
            rowKey={(a) => a.ref}
            label={t('governance.directivesTitle')}
          />
        </Stack>
      ) : null}

      {radar && targets ? (
        <TargetEditor
          orgId={orgId}
          targets={targets}
          radar={radar}
          editable={reviewer}
          onSaved={(next) => {
            setTargets(next);
            void loadRadar();
          }}
        />
      ) : null}

      <ActionPlan
        orgId={orgId}
        actions={actions}
        members={members}
        titles={titles}
        writer={writer}
        reviewer={reviewer}
        currentUserId={me?.user.id ?? ''}
        onChanged={() => {
          void loadActions();
          void loadRadar();
        }}
      />

      {group ? (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('governance.group.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {group.companies.length > 1 ? t('governance.group.intro') : t('governance.group.none')}
          </Text>
          {group.companies.length > 1 ? (
            <DataTable
              columns={groupColumns}
              rows={group.companies}
              rowKey={(c) => c.organization.id}
              label={t('governance.group.title')}
            />
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
