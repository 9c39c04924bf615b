// The only module that imports echarts: loaded lazily (see Charts.tsx) so other pages stay small.
import { BarChart, RadarChart, type BarSeriesOption, type RadarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// GridComponent is needed by the bar chart's cartesian axes (radar brings its own coordinate system).
echarts.use([RadarChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  RadarSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** One echarts instance in a div; resized with its container and disposed on unmount. */
export default function EChart({
  option,
  height,
  label,
  testId,
}: {
  option: ChartOption;
  height: number;
  label: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  useEffect(() => {
    chart.current?.resize();
  }, [height]);

  return (
    <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />
  );
}
