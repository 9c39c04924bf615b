// Finding triage (脆弱性・悪性パッケージの検出結果): malicious packages first, then by severity; each row
// shows the dependency path that brought the component in, the version to move to, and its VEX analysis.
import { Badge, Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VEX_JUSTIFICATIONS, type Finding } from '../../../api/software';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { SearchIcon } from '../../../components/icons';
import { MaliciousBadge, SEVERITY_RANK, SeverityBadge, VEX_COLOR } from './meta';
import { VexModal } from './VexModal';

export function sortFindings(items: readonly Finding[]): Finding[] {
  return [...items].sort(
    (a, b) =>
      Number(b.malicious) - Number(a.malicious) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (b.score ?? 0) - (a.score ?? 0) ||
      a.advisoryId.localeCompare(b.advisoryId),
  );
}

export function FindingsPanel({
  orgId,
  findings,
  writer,
  onChanged,
  hasSbom,
}: {
  orgId: string;
  findings: Finding[];
  writer: boolean;
  /** Without an SBOM there is nothing to match: say so rather than "no findings". */
  hasSbom: boolean;
  onChanged: (finding: Finding) => void;
}) {
  const { t } = useTranslation('software');
  const lang = currentLanguage();
  const [showSuppressed, setShowSuppressed] = useState(false);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Finding | null>(null);
  const q = query.trim().toLowerCase();
  const justificationLabel = (value: string) => {
    const known = VEX_JUSTIFICATIONS.find((j) => j === value);
    return known ? t(`software.vexJustification.${known}`) : value;
  };

  const suppressedCount = findings.filter((f) => f.suppressed).length;
  const rows = useMemo(
    () =>
      sortFindings(findings).filter(
        (f) =>
          (showSuppressed || !f.suppressed) &&
          (!q ||
            [f.advisoryId, f.summary ?? '', f.component.name, f.component.purl ?? '', ...f.aliases].some(
              (s) => s.toLowerCase().includes(q),
            )),
      ),
    [findings, showSuppressed, q],
  );

  const columns: Column<Finding>[] = [
    {
      key: 'advisory',
      header: t('software.findings.advisory'),
      primary: true,
      render: (f) => (
        <Stack
          gap={2}
          data-testid="finding"
          data-advisory={f.advisoryId}
          data-malicious={f.malicious}
          style={f.suppressed ? { opacity: 0.6 } : undefined}
        >
          <Group gap={4} wrap="wrap">
            {f.malicious ? <MaliciousBadge /> : null}
            <SeverityBadge severity={f.severity} score={f.score} />
            <Text size="sm" ff="monospace" fw={600}>
              {f.advisoryId}
            </Text>
          </Group>
          {f.aliases.length > 0 ? (
            <Text size="xs" c="dimmed">
              {f.aliases.join(', ')}
            </Text>
          ) : null}
          {f.summary ? (
            <Text size="xs" lineClamp={2}>
              {f.summary}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'component',
      header: t('software.findings.component'),
      render: (f) => (
        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {f.component.name}@{f.component.version ?? '?'}
        </Text>
      ),
    },
    {
      key: 'path',
      header: t('software.findings.path'),
      render: (f) =>
        f.path.length > 0 ? (
          <Text size="xs" ff="monospace" data-testid="finding-path" style={{ overflowWrap: 'anywhere' }}>
            {f.path.join(' → ')}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {t('software.findings.direct')}
          </Text>
        ),
    },
    {
      key: 'fixed',
      header: t('software.findings.fixedVersion'),
      nowrap: true,
      render: (f) =>
        f.fixedVersion ? (
          <Text size="sm" ff="monospace">
            {f.fixedVersion}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {f.malicious ? t('software.findings.remove') : t('software.findings.noFix')}
          </Text>
        ),
    },
    {
      key: 'vex',
      header: t('software.findings.vex'),
      render: (f) =>
        f.vex ? (
          <Stack gap={2}>
            <Badge color={VEX_COLOR[f.vex.status]} variant="light" size="sm" data-testid="vex-status">
              {t(`software.vexStatus.${f.vex.status}`)}
            </Badge>
            {f.vex.justification ? (
              <Text size="xs" c="dimmed">
                {justificationLabel(f.vex.justification)}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {formatDateTime(f.vex.updatedAt, lang)}
            </Text>
          </Stack>
        ) : (
          <Text size="xs" c="dimmed">
            {t('software.findings.untriaged')}
          </Text>
        ),
    },
  ];
  if (writer)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      nowrap: true,
      render: (f) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing(f)}
          aria-label={t('software.findings.triageFor', {
            advisory: f.advisoryId,
            component: f.component.name,
          })}
        >
          {t('software.findings.triage')}
        </Button>
      ),
    });

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <TextInput
          size="xs"
          leftSection={<SearchIcon />}
          placeholder={t('software.findings.filter')}
          aria-label={t('software.findings.filter')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          style={{ flex: '1 1 200px', maxWidth: 320 }}
        />
        <Switch
          size="sm"
          checked={showSuppressed}
          onChange={(event) => setShowSuppressed(event.currentTarget.checked)}
          label={t('software.findings.showSuppressed', { count: suppressedCount })}
        />
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {!hasSbom
            ? t('software.findings.noSbom')
            : findings.length === 0
              ? t('software.findings.none')
              : t('software.findings.noneShown')}
        </Text>
      ) : (
        <DataTable label={t('software.tabs.findings')} columns={columns} rows={rows} rowKey={(f) => f.id} />
      )}
      {writer ? (
        <VexModal
          orgId={orgId}
          finding={editing}
          onClose={() => setEditing(null)}
          onSaved={(finding) => {
            setEditing(null);
            onChanged(finding);
          }}
        />
      ) : null}
      {rows.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t('software.findings.shown', { shown: rows.length, total: findings.length })}
        </Text>
      ) : null}
    </Stack>
  );
}
