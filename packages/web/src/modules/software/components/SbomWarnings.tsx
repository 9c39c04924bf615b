// The warnings of an accepted SBOM (a field-level schema problem, an invalid purl, a component that
// cannot be matched): where, on which component, and what. The SBOM was read; these parts were not.
import { Alert, Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/DataTable';

export interface SbomWarning {
  code: string;
  message: string;
  pointer?: string;
  component?: string;
  line?: number;
}

/** Reads the `warnings` of an upload answer; anything unexpected is skipped. */
export function sbomWarnings(list: readonly object[]): SbomWarning[] {
  return list.flatMap((item) => {
    const x = item as Record<string, unknown>;
    return typeof x.code === 'string' && typeof x.message === 'string'
      ? [
          {
            code: x.code,
            message: x.message,
            ...(typeof x.pointer === 'string' ? { pointer: x.pointer } : {}),
            ...(typeof x.component === 'string' ? { component: x.component } : {}),
            ...(typeof x.line === 'number' ? { line: x.line } : {}),
          },
        ]
      : [];
  });
}

export function SbomWarnings({ warnings }: { warnings: SbomWarning[] }) {
  const { t } = useTranslation('software');
  if (warnings.length === 0) return null;
  const rows = warnings.map((w, key) => ({ ...w, key }));
  const columns: Column<(typeof rows)[number]>[] = [
    {
      key: 'component',
      header: t('software.problems.component'),
      render: (w) => <Text size="sm">{w.component ?? '—'}</Text>,
    },
    {
      key: 'where',
      header: t('software.problems.where'),
      nowrap: true,
      render: (w) =>
        w.line !== undefined ? (
          <Text size="sm">{t('software.problems.line', { line: w.line })}</Text>
        ) : w.pointer !== undefined ? (
          <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{w.pointer || '/'}</Code>
        ) : null,
    },
    {
      key: 'message',
      header: t('software.problems.message'),
      primary: true,
      render: (w) => <Text size="sm">{w.message}</Text>,
    },
  ];
  return (
    <Alert
      color="yellow"
      title={t('software.sbom.warnings', { count: warnings.length })}
      data-testid="sbom-warnings"
      mb="sm"
    >
      <Text size="xs" mb="xs">
        {t('software.sbom.warningsHint')}
      </Text>
      <DataTable
        label={t('software.sbom.warnings', { count: warnings.length })}
        columns={columns}
        rows={rows}
        rowKey={(w) => w.key}
      />
    </Alert>
  );
}
