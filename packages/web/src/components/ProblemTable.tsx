import { Alert, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { ImportProblemDetail } from '../api/types';
import { errorMessage } from '../lib/notify';
import { DataTable, type Column } from './DataTable';

/** The located problems of an error body (`details` as a list of sheet / row / column / message). */
export function problemDetails(error: unknown): ImportProblemDetail[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).flatMap((d) => {
    if (typeof d !== 'object' || d === null) return [];
    const x = d as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return [
      {
        code: str(x.code),
        sheet: str(x.sheet),
        row: typeof x.row === 'number' ? x.row : undefined,
        column: str(x.column),
        pointer: str(x.pointer),
        message: str(x.message) ?? '',
      },
    ];
  });
}

/** A server error as an alert, with every located problem in a table (cards on phones). */
export function ProblemTable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const rows = problemDetails(error);
  const columns: Column<ImportProblemDetail & { key: number }>[] = [
    {
      key: 'message',
      header: t('problems.message'),
      primary: true,
      render: (p) => <Text size="sm">{p.message}</Text>,
    },
    {
      key: 'sheet',
      header: t('problems.sheet'),
      render: (p) => <Text size="sm">{p.sheet ?? ''}</Text>,
    },
    {
      key: 'row',
      header: t('problems.row'),
      nowrap: true,
      render: (p) => <Text size="sm">{p.row ?? ''}</Text>,
    },
    {
      key: 'column',
      header: t('problems.column'),
      nowrap: true,
      render: (p) =>
        p.column ? <Text size="sm">{p.column}</Text> : p.pointer ? <Code>{p.pointer}</Code> : null,
    },
  ];
  // Wide screens read left to right: where first, then what.
  const ordered = [...columns.slice(1), columns[0]!];
  return (
    <Alert color="red" title={errorMessage(error)} role="alert">
      {rows.length > 0 ? (
        <Stack gap="xs" mt="xs">
          <DataTable
            label={t('problems.title')}
            columns={ordered}
            rows={rows.map((p, key) => ({ ...p, key }))}
            rowKey={(p) => p.key}
          />
        </Stack>
      ) : null}
    </Alert>
  );
}
