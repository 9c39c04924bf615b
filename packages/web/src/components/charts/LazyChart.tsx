import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { ChartOption } from './EChart';

const EChart = lazy(() => import('./EChart'));

export const CHART_FONT =
  'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", Meiryo, sans-serif';

/** An echarts chart loaded on demand (echarts stays out of the main bundle). */
export function LazyChart({
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
