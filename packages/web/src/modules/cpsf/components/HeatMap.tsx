// Heat map layer × component: how many requirements are still open in each cell (darker = more gaps).
import { Paper, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMPONENTS, LAYERS, type HeatCell } from '../../../api/cpsf';

/** Background for a share of open requirements (0 → green-ish, 1 → red). */
function shade(gaps: number, required: number): string {
  if (required === 0) return 'var(--mantine-color-gray-0)';
  const share = gaps / required;
  if (share === 0) return 'var(--mantine-color-teal-1)';
  const step = Math.min(8, Math.max(1, Math.ceil(share * 8)));
  return `var(--mantine-color-red-${step})`;
}

export function HeatMap({ cells }: { cells: readonly HeatCell[] }) {
  const { t } = useTranslation('cpsf');
  const at = (layer: number, component: string) =>
    cells.find((c) => c.layer === layer && c.component === component);
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={640}>
        <Table withColumnBorders aria-label={t('cpsf.heatmap.label')} data-testid="cpsf-heatmap">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cpsf.attributes.layer')}</Table.Th>
              {COMPONENTS.map((c) => (
                <Table.Th key={c} ta="center">
                  {t(`cpsf.components.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {LAYERS.map((layer) => (
              <Table.Tr key={layer}>
                <Table.Th scope="row" fz="sm">
                  {t(`cpsf.layers.${layer}`)}
                </Table.Th>
                {COMPONENTS.map((component) => {
                  const cell = at(layer, component);
                  const gaps = cell?.gaps ?? 0;
                  const required = cell?.required ?? 0;
                  const dark = required > 0 && gaps / required > 0.6;
                  return (
                    <Tooltip
                      key={component}
                      label={t('cpsf.heatmap.tooltip', {
                        elements: cell?.elements ?? 0,
                        required,
                        met: cell?.met ?? 0,
                        gaps,
                      })}
                    >
                      <Table.Td
                        ta="center"
                        data-testid={`heat-${layer}-${component}`}
                        data-gaps={gaps}
                        style={{ background: shade(gaps, required), color: dark ? 'white' : undefined }}
                      >
                        {cell && cell.elements > 0 ? (
                          <>
                            <Text size="md" fw={700} inherit>
                              {gaps}
                            </Text>
                            <Text size="xs" inherit>
                              {t('cpsf.heatmap.cell', { met: cell.met, required, elements: cell.elements })}
                            </Text>
                          </>
                        ) : (
                          <Text size="xs" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                    </Tooltip>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" p="xs">
        {t('cpsf.heatmap.legend')}
      </Text>
    </Paper>
  );
}
