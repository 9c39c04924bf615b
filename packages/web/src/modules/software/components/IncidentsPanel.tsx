// Software incidents (インシデント): artifact mismatches (a distributed file that is not what was registered)
// and malicious packages found in a release, newest first.
import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { softwareApi, type Incident } from '../../../api/software';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import { DataTable, type Column } from '../../../components/DataTable';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const KINDS = ['artifact_mismatch', 'malicious_package'] as const;
const knownKind = (k: string): k is (typeof KINDS)[number] => (KINDS as readonly string[]).includes(k);
const short = (sha: string) => `${sha.slice(0, 12)}…`;

/** One line of what happened, from the incident's details. */
function IncidentDetails({ incident }: { incident: Incident }) {
  const { t } = useTranslation('software');
  const d = incident.details;
  if (incident.kind === 'malicious_package') {
    const components = strings(d.components);
    const advisories = strings(d.advisories);
    return (
      <Text size="sm">
        {t('software.incidents.maliciousDetail', {
          components: components.join(', ') || '—',
          advisories: advisories.join(', ') || '—',
        })}
      </Text>
    );
  }
  if (incident.kind === 'artifact_mismatch') {
    const expected = Array.isArray(d.expected)
      ? (d.expected as { filename?: unknown; sha256?: unknown }[])
      : [];
    const seen = str(d.seen);
    return (
      <Stack gap={2}>
        <Text size="sm">{t('software.incidents.mismatchDetail', { filename: str(d.filename) ?? '—' })}</Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {t('software.incidents.seen')}: {seen ? short(seen) : '—'} · {t('software.incidents.expected')}:{' '}
          {expected.map((e) => (str(e.sha256) ? short(e.sha256 as string) : '—')).join(', ') || '—'}
        </Text>
      </Stack>
    );
  }
  return <Text size="sm">{JSON.stringify(d)}</Text>;
}

export function IncidentsPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation('software');
  const lang = currentLanguage();
  const [items, setItems] = useState<Incident[] | null>(null);

  useEffect(() => {
    softwareApi.incidents(orgId).then(
      (r) => setItems(r.items),
      (error: unknown) => {
        notifyError(error);
        setItems([]);
      },
    );
  }, [orgId]);

  const columns: Column<Incident>[] = [
    {
      key: 'at',
      header: t('software.incidents.at'),
      nowrap: true,
      render: (i) => <Text size="sm">{formatDateTime(i.createdAt, lang)}</Text>,
    },
    {
      key: 'kind',
      header: t('software.incidents.kind'),
      primary: true,
      nowrap: true,
      render: (i) => (
        <Badge color={i.kind === 'malicious_package' ? 'red' : 'orange'} variant="light">
          {knownKind(i.kind) ? t(`software.incidents.kinds.${i.kind}`) : i.kind}
        </Badge>
      ),
    },
    {
      key: 'release',
      header: t('software.incidents.release'),
      render: (i) =>
        i.release ? (
          <Anchor component={Link} to={`/orgs/${orgId}/software/releases/${i.release.id}`} size="sm">
            {i.release.productName} {i.release.version}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {t('software.incidents.releaseGone')}
          </Text>
        ),
    },
    {
      key: 'details',
      header: t('software.incidents.details'),
      render: (i) => <IncidentDetails incident={i} />,
    },
  ];

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('software.incidents.intro')}
      </Text>
      {items && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('software.incidents.empty')}
        </Text>
      ) : (
        <DataTable
          label={t('software.incidents.title')}
          columns={columns}
          rows={items ?? []}
          rowKey={(i) => i.id}
        />
      )}
    </Stack>
  );
}
