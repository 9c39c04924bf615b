import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { AnswerValue, Assessment, CatalogPack, PackNode, Score } from '../../../api/types';
import { currentLanguage } from '../../../i18n';
import {
  answerLabel,
  facetAxes,
  modelOf,
  flattenNodes,
  itemsToFix,
  radarAxes,
  tx,
  wrapLabel,
  type ChartAxis,
  type FixReason,
} from '../../../lib/catalog';
import type { ChartOption } from '../../../components/charts/EChart';
import { DownloadIcon } from '../../../components/icons';
import { ScoreBand } from './ScoreBand';

const EChart = lazy(() => import('../../../components/charts/EChart'));

const FONT =
  'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", Meiryo, sans-serif';

const reasonColor: Record<FixReason, string> = {
  unknown: 'orange',
  no: 'red',
  unanswered: 'gray',
  low: 'yellow',
};

function Chart({
  option,
  height,
  label,
  testId,
}: {
  option: ChartOption;
  height: number;
  label: string;
  testId: string;
}) {
  return (
    <Suspense
      fallback={
        <Center h={height}>
          <Loader size="sm" />
        </Center>
      }
    >
      <EChart option={option} height={height} label={label} testId={testId} />
    </Suspense>
  );
}

const KNOWN_FACETS = ['directive', 'part', 'function', 'topic', 'layer', 'component', 'group'] as const;
type KnownFacet = (typeof KNOWN_FACETS)[number];
const isKnownFacet = (f: string): f is KnownFacet => (KNOWN_FACETS as readonly string[]).includes(f);

const describe = (axes: ChartAxis[]) =>
  axes.map((a) => `${a.name} ${a.noData ? '—' : `${a.percent}%`}`).join(', ');

/** Scores of an assessment: overall with band and advice, radar by area, bars by tag, items to fix first. */
export function ResultsPanel({
  orgId,
  assessment,
  pack,
  nodes,
  score,
  answers,
  onGoToItem,
}: {
  orgId: string;
  assessment: Assessment;
  pack: CatalogPack;
  nodes: readonly PackNode[];
  score: Score;
  answers: ReadonlyMap<string, AnswerValue | null>;
  onGoToItem: (ref: string) => void;
}) {
  const { t } = useTranslation('assessments');
  const lang = currentLanguage();
  const narrow = !useMediaQuery('(min-width: 48em)', true);
  const [showAll, setShowAll] = useState(false);
  const overall = score.overall;
  const sum = pack.scoring?.method === 'sum';

  const radar = useMemo(
    () => radarAxes(pack, nodes, score, answers, lang),
    [pack, nodes, score, answers, lang],
  );
  const facets = useMemo(
    () =>
      Object.keys(pack.tags ?? {}).filter((f) =>
        Object.keys(score.tags).some((tag) => tag.startsWith(`${f}:`)),
      ),
    [pack, score],
  );
  const [facetChoice, setFacetChoice] = useState<string | null>(null);
  const facet = facetChoice && facets.includes(facetChoice) ? facetChoice : (facets[0] ?? null);
  // Bars: one tag facet; without tags, the groups (when there are two or more), else the radar's axes.
  const groupBars = useMemo<ChartAxis[]>(
    () =>
      flattenNodes(nodes)
        .filter((f) => f.kind === 'group' && (score.groups[f.ref]?.max ?? 0) > 0)
        .map((f) => {
          const percent = score.groups[f.ref]?.percent ?? null;
          return {
            key: f.ref,
            name: tx(f.node.title, lang),
            percent: percent ?? 0,
            noData: percent === null,
          };
        }),
    [nodes, score, lang],
  );
  const barBasis: 'facet' | 'groups' | 'radar' = facet ? 'facet' : groupBars.length >= 2 ? 'groups' : 'radar';
  const bars = useMemo<ChartAxis[]>(
    () =>
      barBasis === 'facet' && facet
        ? facetAxes(pack, score, facet, lang)
        : barBasis === 'groups'
          ? groupBars
          : radar.axes,
    [barBasis, facet, pack, score, lang, groupBars, radar],
  );
  const barTitle =
    barBasis === 'facet'
      ? t('results.barTitle')
      : barBasis === 'groups'
        ? t('results.barGroupsTitle')
        : t('results.barItemsTitle');
  const fixes = useMemo(() => itemsToFix(pack, nodes, answers), [pack, nodes, answers]);
  const shownFixes = showAll ? fixes : fixes.slice(0, 10);

  const radarOption = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: 'item', confine: true },
      radar: {
        indicator: radar.axes.map((a) => ({
          name: wrapLabel(radar.basis === 'children' ? `${a.key} ${a.name}` : a.name, narrow ? 6 : 9),
          max: 100,
        })),
        // Labels are drawn outside the circle and echarts does not keep them inside the canvas.
        radius: narrow ? '52%' : '56%',
        center: ['50%', '52%'],
        axisName: { color: '#495057', fontSize: narrow ? 10 : 11, lineHeight: narrow ? 13 : 14 },
        splitNumber: 4,
      },
      series: [
        {
          type: 'radar',
          name: t('results.series'),
          data: [
            {
              value: radar.axes.map((a) => a.percent),
              name: t('results.series'),
              areaStyle: { color: 'rgba(76, 110, 245, 0.25)' },
              lineStyle: { color: '#4c6ef5' },
              itemStyle: { color: '#4c6ef5' },
            },
          ],
        },
      ],
    }),
    [radar, narrow, t],
  );

  const barOption = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { show: !narrow, formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => (barBasis === 'radar' ? `${b.key} ${b.name}` : b.name)),
        axisLabel: { width: narrow ? 110 : 220, overflow: 'truncate', fontSize: 11 },
      },
      series: [
        {
          type: 'bar',
          name: t('results.series'),
          data: bars.map((b) => b.percent),
          barMaxWidth: 22,
          itemStyle: { color: '#12b886', borderRadius: [0, 4, 4, 0] },
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: (p: { dataIndex: number; value: unknown }) =>
              bars[p.dataIndex]?.noData ? '—' : `${String(p.value)}%`,
          },
        },
      ],
    }),
    [bars, barBasis, narrow, t],
  );

  const facetLabel = (f: string) => (isKnownFacet(f) ? t(`results.facets.${f}`) : f);
  const radarBasis =
    radar.basis === 'groups'
      ? t('results.radarGroups')
      : radar.basis === 'facet'
        ? t('results.radarFacet', { facet: facetLabel(radar.facet ?? '') })
        : t('results.radarChildren');

  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('results.overall')}
          </Title>
          <Group gap="xl" align="flex-end">
            <Stack gap={0}>
              <Text fz={32} fw={700} lh={1.1} data-testid="overall-points">
                {sum
                  ? t('results.points', { points: overall.points, max: overall.max })
                  : overall.percent === null
                    ? '—'
                    : `${overall.percent}%`}
              </Text>
              <Text size="sm" c="dimmed">
                {sum
                  ? overall.percent === null
                    ? t('results.noScore')
                    : t('results.percent', { percent: overall.percent })
                  : t('results.points', { points: overall.points, max: overall.max })}
              </Text>
            </Stack>
            <Text size="sm" c="dimmed">
              {t('results.answered', { answered: overall.answered, items: overall.items })}
            </Text>
          </Group>
          <ScoreBand percent={overall.percent} band={overall.band} />
          <Group gap="sm">
            <Button
              component="a"
              href={api.assessmentXlsxUrl(orgId, assessment.id, lang)}
              download
              variant="default"
              leftSection={<DownloadIcon />}
            >
              {t('results.downloadAssessment')}
            </Button>
            <Button
              component="a"
              href={api.assessmentPdfUrl(orgId, assessment.id, lang)}
              download
              variant="default"
              leftSection={<DownloadIcon />}
            >
              {t('results.downloadPdf')}
            </Button>
            <Button
              component="a"
              href={api.catalogXlsxUrl(orgId, assessment.catalogId)}
              download
              variant="subtle"
              leftSection={<DownloadIcon />}
            >
              {t('results.downloadCatalog')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('results.radarTitle')}
            </Title>
            <Text size="xs" c="dimmed">
              {radarBasis}
            </Text>
            {radar.axes.length >= 3 ? (
              <Chart
                option={radarOption}
                height={narrow ? 250 : 380}
                label={t('results.chartLabel', {
                  title: t('results.radarTitle'),
                  values: describe(radar.axes),
                })}
                testId="radar-chart"
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('results.radarTooFew')}
              </Text>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Group justify="space-between" gap="xs">
              <Title order={2} size="h4">
                {barTitle}
              </Title>
              {facets.length > 1 ? (
                facets.length <= 3 ? (
                  <SegmentedControl
                    size="xs"
                    aria-label={t('results.facet')}
                    data={facets.map((f) => ({ value: f, label: facetLabel(f) }))}
                    value={facet ?? undefined}
                    onChange={setFacetChoice}
                  />
                ) : (
                  <Select
                    size="xs"
                    aria-label={t('results.facet')}
                    data={facets.map((f) => ({ value: f, label: facetLabel(f) }))}
                    value={facet}
                    onChange={setFacetChoice}
                    allowDeselect={false}
                    w={140}
                  />
                )
              ) : null}
            </Group>
            {bars.length > 0 ? (
              <Chart
                option={barOption}
                height={Math.max(160, 40 + bars.length * 30)}
                label={t('results.chartLabel', { title: barTitle, values: describe(bars) })}
                testId="bar-chart"
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('results.noScore')}
              </Text>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('results.fixTitle')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('results.fixIntro')}
          </Text>
          {fixes.length === 0 ? (
            <Text size="sm">{t('results.fixNone')}</Text>
          ) : (
            <Stack
              gap="xs"
              component="ol"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('results.fixTitle')}
            >
              {shownFixes.map((fix) => (
                <Paper key={fix.ref} withBorder p="sm" component="li" bg="gray.0">
                  <Stack gap={6}>
                    <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                      <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                        <Badge variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
                          {fix.ref}
                        </Badge>
                        <Text size="sm" fw={600} style={{ minWidth: 0 }}>
                          {tx(fix.node.title, lang)}
                        </Text>
                      </Group>
                      <Badge
                        color={reasonColor[fix.reason]}
                        variant="light"
                        tt="none"
                        style={{ flexShrink: 0 }}
                      >
                        {fix.reason === 'low'
                          ? // The answer as the answering screen labels it ("1 場当たり的"), not a percent.
                            answerLabel(modelOf(pack, fix.node), answers.get(fix.ref) ?? null, lang) ||
                            t('results.reasons.low', { percent: Math.round(fix.fraction * 100) })
                          : t(`results.reasons.${fix.reason}`)}
                      </Badge>
                    </Group>
                    {fix.node.guidance ? (
                      <Text size="sm" c="dark.5">
                        <Text span size="sm" fw={600} c="teal.8">
                          {t('workspace.guidance')}:{' '}
                        </Text>
                        {tx(fix.node.guidance, lang)}
                      </Text>
                    ) : null}
                    <Group justify="flex-end">
                      <Button size="compact-xs" variant="light" onClick={() => onGoToItem(fix.ref)}>
                        {t('results.goToItem')}
                      </Button>
                    </Group>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )}
          {fixes.length > 10 && !showAll ? (
            <Button variant="default" onClick={() => setShowAll(true)} style={{ alignSelf: 'center' }}>
              {t('results.showAll', { count: fixes.length })}
            </Button>
          ) : null}
        </Stack>
      </Paper>
    </Stack>
  );
}
