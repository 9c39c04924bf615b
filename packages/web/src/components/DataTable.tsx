import { Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Shown as the card title on phones. */
  primary?: boolean;
  /** Action buttons: shown at the bottom of the card on phones. */
  actions?: boolean;
  nowrap?: boolean;
}

/** A table on wide screens, a list of cards on phones (no sideways scrolling at 375px). */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  label,
}: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  /** Accessible name of the table / list. */
  label: string;
}) {
  const wide = useMediaQuery('(min-width: 48em)', true);
  if (rows.length === 0) return null;

  if (!wide) {
    const primary = columns.find((c) => c.primary);
    const actions = columns.filter((c) => c.actions);
    const fields = columns.filter((c) => !c.primary && !c.actions);
    return (
      <Stack gap="sm" component="ul" aria-label={label} p={0} m={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => (
          <Paper withBorder p="sm" key={rowKey(row)} component="li">
            <Stack gap={6}>
              {primary ? <Box fw={600}>{primary.render(row)}</Box> : null}
              {fields.map((column) => (
                <Group key={column.key} justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {column.header}
                  </Text>
                  <Box ta="right" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    {column.render(row)}
                  </Box>
                </Group>
              ))}
              {actions.map((column) => (
                <Group key={column.key} justify="flex-end">
                  {column.render(row)}
                </Group>
              ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" highlightOnHover aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} style={{ whiteSpace: 'nowrap' }}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.key} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                    {column.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
