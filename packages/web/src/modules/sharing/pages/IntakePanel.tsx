// External intelligence (外部インテリジェンス): STIX 2.1 bundles uploaded from MISP or OpenCTI exports and pulled from
// TAXII sources — the import result (added / updated / unchanged / skipped with reasons, warnings located by JSON
// pointer), and the imported reports and indicators filtered by source and TLP.
import {
  Alert,
  Badge,
  Button,
  Code,
  FileButton,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { formatDate } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import {
  intakeApi,
  type ImportRecord,
  type ImportSummary,
  type IntakeObjects,
  type ObjectFilter,
} from '../intake-api';
import { Nowrap } from './parts';
import { SourcesPanel } from './SourcesPanel';

const TLP_COLOR: Record<string, string> = {
  clear: 'gray',
  green: 'green',
  amber: 'orange',
  'amber+strict': 'orange',
  red: 'red',
};
const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red', 'none'];

export function TlpBadge({ tlp }: { tlp: string | null }) {
  const { t } = useTranslation('sharing');
  if (tlp === null)
    return (
      <Badge variant="outline" color="gray">
        {t('sharing.intake.unmarked')}
      </Badge>
    );
  return (
    <Badge
      color={TLP_COLOR[tlp] ?? 'gray'}
      variant={tlp === 'clear' ? 'outline' : 'filled'}
      // never cut: TLP:AMBER+STRICT in a narrow table cell must stay readable whole
      miw="max-content"
      styles={{ label: { overflow: 'visible' } }}
      data-testid="tlp-badge"
    >
      TLP:{tlp.toUpperCase()}
    </Badge>
  );
}

/**
 * A STIX object type as analysts know it: the translated name (IPv4 アドレス) over the STIX type itself
 * (ipv4-addr); a type we have no name for is shown as its STIX type, never re-cased.
 */
export function StixTypeName({ type }: { type: string }) {
  const { t } = useTranslation('sharing');
  const name = t(`sharing.intake.stixType.${type}` as 'sharing.intake.stixType.indicator', {
    defaultValue: '',
  });
  // "Indicator" over "indicator" would say it twice: the STIX type only when the name reads differently
  if (name && name.toLowerCase().replace(/ /g, '-') === type)
    return (
      <Text size="xs" style={{ whiteSpace: 'nowrap' }} title={type} data-testid="stix-type">
        {name}
      </Text>
    );
  return (
    <Stack gap={0} data-testid="stix-type">
      {name ? (
        <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
          {name}
        </Text>
      ) : null}
      <Text size="xs" c={name ? 'dimmed' : undefined} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
        {type}
      </Text>
    </Stack>
  );
}

function ImportResult({ result, file }: { result: ImportSummary; file: string }) {
  const { t } = useTranslation('sharing');
  return (
    <Alert
      color={result.warnings.length > 0 ? 'yellow' : 'green'}
      title={t('sharing.intake.resultOf', { file })}
      styles={{ title: { overflowWrap: 'anywhere' } }}
      data-testid="intake-result"
    >
      <Stack gap={6}>
        <Group gap="md">
          <Text size="sm">{t('sharing.intake.added', { count: result.added })}</Text>
          <Text size="sm">{t('sharing.intake.updated', { count: result.updated })}</Text>
          <Text size="sm">{t('sharing.intake.unchanged', { count: result.unchanged })}</Text>
          <Text size="sm">{t('sharing.intake.skipped', { count: result.skipped.length })}</Text>
          <Badge variant="light">{t(`sharing.intake.producer.${result.producer}`)}</Badge>
        </Group>
        {result.skipped.length + result.warnings.length > 0 ? (
          <List size="xs" spacing={2}>
            {[
              ...result.skipped,
              ...result.warnings.filter((w) => !result.skipped.some((s) => s.pointer === w.pointer)),
            ]
              .slice(0, 50)
              .map((n) => (
                <List.Item key={`${n.code}${n.pointer}`}>
                  <Located file={file} pointer={n.pointer} /> {n.message}
                </List.Item>
              ))}
          </List>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** Where a problem is: the file the user chose, then the JSON pointer inside it. */
function Located({ file, pointer }: { file: string; pointer: string }) {
  return (
    <Text component="span" size="xs" style={{ overflowWrap: 'anywhere' }} data-testid="intake-location">
      <Code>{file}</Code> <Code>{pointer || '/'}</Code>
    </Text>
  );
}

function Problems({ error, file }: { error: unknown; file: string }) {
  const { t } = useTranslation('sharing');
  if (!(error instanceof ApiError)) return null;
  const details = Array.isArray(error.details)
    ? (error.details as { pointer?: string; message?: string }[])
    : [];
  return (
    <Alert
      color="red"
      title={t('sharing.intake.refusedFile', { file })}
      styles={{ title: { overflowWrap: 'anywhere' } }}
      data-testid="intake-refused"
    >
      <Text size="sm">{error.message}</Text>
      <List size="xs" spacing={2} mt={4}>
        {details.slice(0, 20).map((d, i) => (
          <List.Item key={i}>
            <Located file={file} pointer={d.pointer ?? ''} /> {d.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function IntakePanel({
  orgId,
  writer,
  manager,
}: {
  orgId: string;
  writer: boolean;
  manager: boolean;
}) {
  const { t, i18n } = useTranslation('sharing');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const [filter, setFilter] = useState<ObjectFilter>({ view: 'indicators' });
  const [data, setData] = useState<IntakeObjects | null>(null);
  const [imports, setImports] = useState<ImportRecord[]>([]);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [refused, setRefused] = useState<unknown>(null);
  // the name of the file the result or the refusal is about
  const [fileName, setFileName] = useState('');
  const [busy, setBusy] = useState(false);
  // Cleared after each upload, so choosing the same file again uploads it again.
  const resetFile = useRef<() => void>(null);

  const load = useCallback(() => {
    intakeApi.objects(orgId, filter).then(setData, notifyError);
    intakeApi.imports(orgId).then((r) => setImports(r.imports), notifyError);
  }, [orgId, filter]);
  useEffect(load, [load]);

  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    setRefused(null);
    setFileName(file.name);
    try {
      setResult(await intakeApi.upload(orgId, file, lang));
      load();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 422 || error.status === 413)) setRefused(error);
      else notifyError(error);
    } finally {
      setBusy(false);
      resetFile.current?.();
    }
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3}>{t('sharing.intake.uploadTitle')}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('sharing.intake.uploadIntro')}
          </Text>
          {writer ? (
            <FileButton resetRef={resetFile} onChange={(f) => void upload(f)} accept="application/json,.json">
              {(props) => (
                <Button {...props} loading={busy} w="fit-content" data-testid="intake-upload">
                  {t('sharing.intake.upload')}
                </Button>
              )}
            </FileButton>
          ) : null}
          {result ? <ImportResult result={result} file={fileName} /> : null}
          {refused ? <Problems error={refused} file={fileName} /> : null}
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3}>{t('sharing.intake.listTitle')}</Title>
          <Group gap="sm" align="end" wrap="wrap">
            <Select
              w={180}
              label={t('sharing.intake.view')}
              data={[
                { value: 'indicators', label: t('sharing.intake.indicators') },
                { value: 'reports', label: t('sharing.intake.reports') },
              ]}
              value={filter.view}
              onChange={(v) => setFilter({ ...filter, view: v === 'reports' ? 'reports' : 'indicators' })}
              allowDeselect={false}
            />
            <Select
              w={220}
              label={t('sharing.intake.source')}
              placeholder={t('sharing.intake.all')}
              data={data?.sources ?? []}
              value={filter.source ?? null}
              onChange={(v) => setFilter({ ...filter, source: v ?? undefined })}
              clearable
            />
            <Select
              // wide enough for TLP:AMBER+STRICT beside the clear button (it showed "TLP:AMBER+STR")
              w={220}
              label="TLP"
              placeholder={t('sharing.intake.all')}
              data={TLPS.map((v) => ({
                value: v,
                label: v === 'none' ? t('sharing.intake.unmarked') : `TLP:${v.toUpperCase()}`,
              }))}
              value={filter.tlp ?? null}
              onChange={(v) => setFilter({ ...filter, tlp: v ?? undefined })}
              clearable
            />
          </Group>
          {data && data.objects.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('sharing.intake.empty')}
            </Text>
          ) : null}
          {data && data.objects.length > 0 ? (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing={6} data-testid="intake-objects">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('sharing.intake.type')}</Table.Th>
                    <Table.Th>{t('sharing.intake.value')}</Table.Th>
                    <Table.Th>TLP</Table.Th>
                    <Table.Th>{t('sharing.intake.source')}</Table.Th>
                    <Table.Th>{t('sharing.intake.seen')}</Table.Th>
                    <Table.Th>{t('sharing.intake.modified')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.objects.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>
                        <StixTypeName type={o.type} />
                      </Table.Td>
                      <Table.Td style={{ maxWidth: 420 }}>
                        {o.name && o.name !== o.value ? (
                          <Text size="sm" fw={600}>
                            {o.name}
                          </Text>
                        ) : null}
                        {o.type === 'indicator' ? (
                          <Code style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>{o.value}</Code>
                        ) : (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {o.value}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <TlpBadge tlp={o.tlp} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{o.source}</Text>
                        <Text size="xs" c="dimmed">
                          {t(`sharing.intake.producer.${o.producer}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">
                          <Nowrap>{o.firstSeen ? formatDate(o.firstSeen, lang) : '—'}</Nowrap> –{' '}
                          <Nowrap>{o.lastSeen ? formatDate(o.lastSeen, lang) : '—'}</Nowrap>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">
                          <Nowrap>{o.modified ? formatDate(o.modified, lang) : '—'}</Nowrap>
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
          {imports.length > 0 ? (
            <>
              <Title order={4} mt="sm">
                {t('sharing.intake.imports')}
              </Title>
              <Stack gap={2}>
                {imports.map((r) => (
                  <Text size="xs" key={r.id}>
                    {formatDate(r.createdAt, lang)} ·{' '}
                    {t('sharing.intake.importLabel', {
                      label: r.label,
                      kind: t(`sharing.intake.kind.${r.kind}`),
                    })}{' '}
                    ·{' '}
                    {t('sharing.intake.counts', {
                      added: r.added,
                      updated: r.updated,
                      unchanged: r.unchanged,
                      skipped: r.skipped,
                    })}
                  </Text>
                ))}
              </Stack>
            </>
          ) : null}
        </Stack>
      </Paper>
      <SourcesPanel orgId={orgId} writer={writer} manager={manager} onPulled={load} />
    </Stack>
  );
}
