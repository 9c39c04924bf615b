import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GovernancePeers, GovernanceRadar } from '../../../api/types';
import { directiveNumber, radarSeries, type RadarSeriesKey } from '../lib/governance';
import type { ChartOption } from '../../../components/charts/EChart';
import { CHART_FONT, LazyChart } from '../../../components/charts/LazyChart';

const STYLE: Record<RadarSeriesKey, { color: string; type: 'solid' | 'dashed' | 'dotted'; area: boolean }> = {
  current: { color: '#4c6ef5', type: 'solid', area: true },
  previous: { color: '#868e96', type: 'dashed', area: false },
  target: { color: '#f76707', type: 'dashed', area: false },
  peers: { color: '#12b886', type: 'dotted', area: false },
};

/** The ten directives on one radar: this year, last year, the target and the same-industry average. */
export function GovernanceRadarChart({
  radar,
  peers,
}: {
  radar: GovernanceRadar;
  peers: GovernancePeers | null;
}) {
  const { t } = useTranslation(['governance', 'assessments']);
  const narrow = !useMediaQuery('(min-width: 48em)', true);
  const series = useMemo(() => radarSeries(radar, peers), [radar, peers]);
  const name = (key: RadarSeriesKey) => t(`governance.series.${key}`);

  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: CHART_FONT },
      tooltip: { trigger: 'item', confine: true },
      legend: {
        bottom: 0,
        data: series.map((s) => name(s.key)),
        textStyle: { fontSize: narrow ? 11 : 12 },
        itemWidth: 18,
      },
      radar: {
        indicator: radar.axes.map((a) => ({
          name: t('governance.directiveShort', { n: directiveNumber(a.ref) }),
          max: 100,
        })),
        radius: narrow ? '60%' : '64%',
        center: ['50%', '46%'],
        splitNumber: 5,
        axisName: { color: '#495057', fontSize: narrow ? 11 : 12 },
      },
      series: [
        {
          type: 'radar',
          data: series.map((s) => ({
            name: name(s.key),
            value: s.values.map((v) => v ?? 0),
            symbolSize: s.key === 'current' ? 5 : 3,
            lineStyle: { color: STYLE[s.key].color, type: STYLE[s.key].type, width: 2 },
            itemStyle: { color: STYLE[s.key].color },
            ...(STYLE[s.key].area ? { areaStyle: { color: 'rgba(76, 110, 245, 0.2)' } } : {}),
          })),
        },
      ],
    }),
    [radar, series, narrow, t],
  );

  const values = series
    .map(
      (s) =>
        `${name(s.key)}: ${radar.axes
          .map(
            (a, i) =>
              `${t('governance.directiveShort', { n: directiveNumber(a.ref) })} ${s.values[i] ?? '—'}%`,
          )
          .join(', ')}`,
    )
    .join('; ');

  return (
    <LazyChart
      option={option}
      height={narrow ? 330 : 420}
      label={t('assessments:results.chartLabel', { title: t('governance.radarTitle'), values })}
      testId="governance-radar"
    />
  );
}
