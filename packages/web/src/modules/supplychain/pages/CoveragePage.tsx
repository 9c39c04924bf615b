import { Alert, Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { href } from '../../../api/client';
import { DataTable } from '../../../components/DataTable';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { notifyError } from '../../../lib/notify';
import { supplychainApi, type CoverageDashboard } from '../api';
import type strings from '../i18n/ja.json';
import { CoverageCard } from '../components/CoverageCard';
import { CriticalityBadge } from '../components/meta';

/** The day in Japan of an ISO instant. */
const jstDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 10);
type Key = keyof (typeof strings)['supplychain']['dashboard'];
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

function Section({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="sm">
        <Text fw={600}>{title}</Text>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * The coverage dashboard: 状況把握率 by criticality and tier, overdue requests, the weakest campaign scores
 * (with how a score is made), the score bands, the trend over campaigns, the annual re-evaluation list and
 * ★ required against held; exports to .xlsx and to PDF for the board.
 */
export function CoveragePage() {
  const { t } = useTranslation('supplychain');
  const { orgId } = useOrg();
  const [d, setD] = useState<CoverageDashboard | null>(null);

  useEffect(() => {
    supplychainApi.coverageDashboard(orgId).then(setD, notifyError);
  }, [orgId]);

  if (!d) return <FullPageLoader />;
  const k = (key: Key, opts: Record<string, unknown> = {}) => t(`supplychain.dashboard.${key}`, opts);
  const more = (shown: number, count: number) =>
    count > shown ? (
      <Text size="xs" c="dimmed">
        {k('more', { count: count - shown })}
      </Text>
    ) : null;
  const maxBand = Math.max(1, ...d.distribution.bands.map((b) => b.count), d.distribution.unscored);

  return (
    <Stack gap="lg">
      <PageHeader title={k('title')} description={k('lead')} />
      <Group gap="sm">
        <Button variant="default" component={Link} to={`/orgs/${orgId}/suppliers`}>
          {k('back')}
        </Button>
        <Button
          variant="light"
          component="a"
          href={href('/api/orgs/{orgId}/suppliers/coverage/export.xlsx', { orgId })}
        >
          {k('exportXlsx')}
        </Button>
        <Button
          variant="light"
          component="a"
          href={href('/api/orgs/{orgId}/suppliers/coverage/export.pdf', { orgId })}
        >
          {k('exportPdf')}
        </Button>
      </Group>
      {d.suppliers === 0 ? (
        <Alert color="blue">{k('noSuppliers')}</Alert>
      ) : (
        <>
          <CoverageCard coverage={d} />
          <Section title={k('overdue')} testId="overdue">
            {d.overdue.count === 0 ? (
              <Text size="sm">{k('noOverdue')}</Text>
            ) : (
              <>
                <Text size="sm" c="red.8" fw={500}>
                  {k('overdueCount', { count: d.overdue.count })}
                </Text>
                <DataTable
                  label={k('overdue')}
                  rows={d.overdue.items}
                  rowKey={(o) => o.requestId}
                  columns={[
                    {
                      key: 'supplier',
                      header: k('supplier'),
                      primary: true,
                      render: (o) => o.supplierName,
                    },
                    {
                      key: 'campaign',
                      header: k('campaign'),
                      render: (o) => (
                        <Anchor component={Link} to={`/orgs/${orgId}/campaigns/${o.campaignId}`} size="sm">
                          {o.campaignTitle}
                        </Anchor>
                      ),
                    },
                    { key: 'deadline', header: k('deadline'), nowrap: true, render: (o) => o.deadline },
                    {
                      key: 'days',
                      header: k('daysOverdue'),
                      nowrap: true,
                      render: (o) => k('days', { count: o.daysOverdue }),
                    },
                  ]}
                />
                {more(d.overdue.items.length, d.overdue.count)}
              </>
            )}
          </Section>
          <Section title={k('weakest')} testId="weakest">
            <Text size="xs" c="dimmed">
              {k('scoreDefinition')}
            </Text>
            {d.weakest.length === 0 ? (
              <Text size="sm">{k('noScores')}</Text>
            ) : (
              <DataTable
                label={k('weakest')}
                rows={d.weakest}
                rowKey={(w) => w.supplierId}
                columns={[
                  {
                    key: 'supplier',
                    header: k('supplier'),
                    primary: true,
                    render: (w) => (
                      <Anchor component={Link} to={`/orgs/${orgId}/suppliers/${w.supplierId}`} size="sm">
                        {w.supplierName}
                      </Anchor>
                    ),
                  },
                  {
                    key: 'crit',
                    header: k('criticality'),
                    render: (w) => <CriticalityBadge value={w.criticality} />,
                  },
                  { key: 'score', header: k('score'), nowrap: true, render: (w) => `${w.percent}%` },
                  { key: 'at', header: k('acceptedAt'), nowrap: true, render: (w) => jstDay(w.acceptedAt) },
                ]}
              />
            )}
          </Section>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Section title={k('distribution')} testId="distribution">
              {[
                ...d.distribution.bands.map((b) => ({
                  key: String(b.from),
                  label: k('band', { from: b.from, to: b.to }),
                  count: b.count,
                })),
                { key: 'none', label: k('unscored'), count: d.distribution.unscored },
              ].map((b) => (
                <Stack gap={2} key={b.key}>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm">{b.label}</Text>
                    <Text size="sm" fw={600}>
                      {k('bandCount', { count: b.count })}
                    </Text>
                  </Group>
                  <Progress
                    value={(b.count / maxBand) * 100}
                    size="sm"
                    color={b.key === 'none' ? 'gray' : 'blue'}
                    aria-label={b.label}
                  />
                </Stack>
              ))}
            </Section>
            <Section title={k('star')} testId="star">
              {d.star.length === 0 ? (
                <Text size="sm">{k('noStar')}</Text>
              ) : (
                d.star.map((s) => (
                  <Stack gap={2} key={s.level}>
                    <Text size="sm">{k('starLine', s)}</Text>
                    <Progress
                      value={s.required === 0 ? 0 : (s.met / s.required) * 100}
                      size="sm"
                      color={s.met === s.required ? 'green' : 'orange'}
                      aria-label={`★${s.level}`}
                    />
                  </Stack>
                ))
              )}
            </Section>
          </SimpleGrid>
          <Section title={k('trend')} testId="trend">
            {d.trend.length === 0 ? (
              <Text size="sm">{k('noTrend')}</Text>
            ) : (
              <DataTable
                label={k('trend')}
                rows={d.trend}
                rowKey={(p) => p.campaignId}
                columns={[
                  { key: 'title', header: k('campaign'), primary: true, render: (p) => p.title },
                  { key: 'sent', header: k('sentAt'), nowrap: true, render: (p) => jstDay(p.sentAt) },
                  {
                    key: 'acc',
                    header: k('accepted'),
                    nowrap: true,
                    render: (p) => `${p.accepted} / ${p.requests}`,
                  },
                  { key: 'rate', header: k('acceptedRate'), nowrap: true, render: (p) => pct(p.rate) },
                  {
                    key: 'mean',
                    header: k('meanScore'),
                    nowrap: true,
                    render: (p) => (p.meanScore === null ? '—' : `${p.meanScore}%`),
                  },
                ]}
              />
            )}
          </Section>
          <Section title={k('reevaluation')} testId="reevaluation">
            {d.reevaluation.count === 0 ? (
              <Text size="sm">{k('noReevaluation')}</Text>
            ) : (
              <>
                <Text size="sm">{k('reevaluationCount', { count: d.reevaluation.count })}</Text>
                <DataTable
                  label={k('reevaluation')}
                  rows={d.reevaluation.items}
                  rowKey={(r) => r.supplierId}
                  columns={[
                    {
                      key: 'supplier',
                      header: k('supplier'),
                      primary: true,
                      render: (r) => (
                        <Anchor component={Link} to={`/orgs/${orgId}/suppliers/${r.supplierId}`} size="sm">
                          {r.supplierName}
                        </Anchor>
                      ),
                    },
                    {
                      key: 'crit',
                      header: k('criticality'),
                      render: (r) => <CriticalityBadge value={r.criticality} />,
                    },
                    {
                      key: 'last',
                      header: k('lastKnown'),
                      nowrap: true,
                      render: (r) => (r.knownSince ? jstDay(r.knownSince) : k('never')),
                    },
                  ]}
                />
                {more(d.reevaluation.items.length, d.reevaluation.count)}
              </>
            )}
          </Section>
        </>
      )}
    </Stack>
  );
}
