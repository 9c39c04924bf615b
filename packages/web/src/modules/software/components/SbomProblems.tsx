// The located problems of a refused SBOM (or VEX / advisory) upload: where (JSON pointer or line:column)
// and what, as a table on wide screens and cards on phones.
import { Alert, Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { errorMessage } from '../../../lib/notify';
import { DataTable, type Column } from '../../../components/DataTable';

export interface LocatedProblem {
  key: number;
  code: string | undefined;
  pointer: string | undefined;
  line: number | undefined;
  column: number | undefined;
  message: string;
}

/** Reads `details` of an error body as located problems; anything unexpected is skipped. */
export function locatedProblems(error: unknown): LocatedProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).flatMap((d, key) => {
    if (typeof d !== 'object' || d === null) return [];
    const x = d as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    return [
      {
        key,
        code: str(x.code),
        pointer: str(x.pointer),
        line: num(x.line),
        column: num(x.column),
        message: str(x.message) ?? '',
      },
    ];
  });
}

export function SbomProblems({ error }: { error: unknown }) {
  const { t } = useTranslation('software');
  const rows = locatedProblems(error);
  const columns: Column<LocatedProblem>[] = [
    {
      key: 'where',
      header: t('software.problems.where'),
      nowrap: true,
      render: (p) =>
        p.line !== undefined ? (
          <Text size="sm">{t('software.problems.lineColumn', { line: p.line, column: p.column ?? 1 })}</Text>
        ) : p.pointer !== undefined ? (
          <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{p.pointer || '/'}</Code>
        ) : null,
    },
    {
      key: 'message',
      header: t('software.problems.message'),
      primary: true,
      render: (p) => <Text size="sm">{p.message}</Text>,
    },
  ];
  return (
    <Alert color="red" title={errorMessage(error)} role="alert" data-testid="sbom-problems">
      {rows.length > 0 ? (
        <DataTable label={t('software.problems.title')} columns={columns} rows={rows} rowKey={(p) => p.key} />
      ) : null}
    </Alert>
  );
}
