import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import {
  IMPORT_FIELDS,
  type CatalogSummary,
  type ImportField,
  type ImportInspection,
  type ImportMapping,
  type ImportOptions,
  type ImportSummary,
  type LocalText,
  type Provenance,
} from '../../../api/types';
import { UploadIcon } from '../../../components/icons';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemTable } from '../../../components/ProblemTable';
import { currentLanguage } from '../../../i18n';
import { CATALOG_URN_PREFIX, tx, urnSlug } from '../../../lib/catalog';
import { notifyError, notifySuccess } from '../../../lib/notify';

const URN_SLUG = /^[a-z0-9][a-z0-9-]*$/;
const VERSION = /^\d+\.\d+\.\d+$/;

/** Header names that usually hold each field (Shinrai's export first). */
const GUESSES: Record<ImportField, RegExp> = {
  ref: /^(ref|id|no\.?|番号|項目番号|管理番号|要件id)$/i,
  parent: /^(parent|parent[ _]?ref|親|親id|親番号)$/i,
  titleJa: /^(title_ja|title|題名|項目|項目名|タイトル|要求事項|要件|質問)$/i,
  titleEn: /^(title_en|english title|英語題名|題名（英語）)$/i,
  descriptionJa: /^(description_ja|description|説明|解説)$/i,
  descriptionEn: /^(description_en)$/i,
  guidanceJa: /^(guidance_ja|guidance|次にやること|対策|対策例)$/i,
  guidanceEn: /^(guidance_en)$/i,
  noteJa: /^(note_ja|note|出典メモ|出典・確認状況)$/i,
  noteEn: /^(note_en)$/i,
  answerModel: /^(answer_model|回答形式)$/i,
  tier: /^(tier|レベル|対象レベル)$/i,
  tags: /^(tags|タグ)$/i,
  weight: /^(weight|重み)$/i,
  provenance: /^(provenance|出典区分)$/i,
};

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

interface ColumnChoice {
  value: string;
  label: string;
  header: string;
}

/** Each column as the server resolves it: its header when that is unique, else its letter. */
function columnChoices(columns: readonly string[]): ColumnChoice[] {
  return columns.map((header, i) => {
    const unique =
      header !== '' && columns.filter((c) => c.toLowerCase() === header.toLowerCase()).length === 1;
    const letter = columnLetter(i);
    return { value: unique ? header : letter, label: header ? `${letter}: ${header}` : letter, header };
  });
}

function guessMapping(choices: readonly ColumnChoice[]): Partial<Record<ImportField, string>> {
  const used = new Set<string>();
  const out: Partial<Record<ImportField, string>> = {};
  for (const field of IMPORT_FIELDS) {
    const hit = choices.find((c) => !used.has(c.value) && GUESSES[field].test(c.header.trim()));
    if (hit) {
      out[field] = hit.value;
      used.add(hit.value);
    }
  }
  return out;
}

const cellText = (cell: string | number | boolean | null | undefined) =>
  cell === null || cell === undefined ? '' : String(cell);

function RefList({
  label,
  refs,
  titles,
  color,
}: {
  label: string;
  refs: string[];
  titles: Record<string, LocalText>;
  color: string;
}) {
  const { t } = useTranslation('library');
  const lang = currentLanguage();
  const shown = refs.slice(0, 60);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}{' '}
        <Badge size="sm" color={color} variant="light">
          {refs.length}
        </Badge>
      </Text>
      {refs.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('catalogImport.noRefs')}
        </Text>
      ) : (
        <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={label}>
          {shown.map((ref) => (
            <Group key={ref} component="li" gap={6} wrap="nowrap" align="flex-start">
              <Code style={{ flexShrink: 0 }}>{ref}</Code>
              <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {titles[ref] ? tx(titles[ref], lang) : ''}
              </Text>
            </Group>
          ))}
          {refs.length > shown.length ? (
            <Text size="xs" c="dimmed">
              {t('catalogImport.more', { count: refs.length - shown.length })}
            </Text>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}

export function CatalogImportPage() {
  const { t } = useTranslation('library');
  const { orgId, role } = useOrg();
  const navigate = useNavigate();
  const lang = currentLanguage();
  const wide = useMediaQuery('(min-width: 48em)', true);

  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [inspection, setInspection] = useState<ImportInspection | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<ImportField, string>>>({});
  const [target, setTarget] = useState<'new' | 'extend'>('new');
  const [slug, setSlug] = useState('');
  const [version, setVersion] = useState('1.0.0');
  const [titleJa, setTitleJa] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [baseCatalogId, setBaseCatalogId] = useState<string | null>(null);
  const [provenance, setProvenance] = useState<Provenance>('own');
  const [catalogs, setCatalogs] = useState<CatalogSummary[]>([]);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const problemRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    api.catalogs(orgId).then(
      (response) => setCatalogs(response.items),
      (error: unknown) => notifyError(error),
    );
  }, [orgId]);

  const choices = useMemo(() => columnChoices(inspection?.columns ?? []), [inspection]);

  // A problem list appears below the form: bring it into view.
  useEffect(() => {
    if (problem) problemRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [problem]);

  // Each step starts at the top of the page, with the stepper in view.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [step]);

  if (!can(role, 'catalogs.manage')) {
    return (
      <Stack>
        <PageHeader title={t('catalogImport.title')} />
        <Alert color="yellow" title={t('catalogImport.forbidden')}>
          <Button component={Link} to={`/orgs/${orgId}/catalogs`} variant="light" mt="sm">
            {t('catalogs.backToList')}
          </Button>
        </Alert>
      </Stack>
    );
  }

  const run = async <T,>(action: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setProblem(null);
    try {
      return await action();
    } catch (error) {
      setProblem(error);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const inspect = async (sheet?: string) => {
    if (!file) {
      setErrors({ file: t('catalogImport.fileRequired') });
      return;
    }
    setErrors({});
    const result = await run(() => api.inspectImport(orgId, file, sheet ? { sheet } : {}));
    if (!result) return;
    setInspection(result);
    setMapping(guessMapping(columnChoices(result.columns)));
    setPreview(null);
    if (!titleJa && !titleEn) {
      const base = file.name.replace(/\.(xlsx|csv)$/i, '');
      setTitleJa(base);
      setTitleEn(base);
      if (!slug) setSlug(urnSlug(base));
    }
  };

  const options = (): Omit<ImportOptions, 'mode'> | null => {
    const found: Partial<Record<string, string>> = {};
    if (!mapping.ref) found.ref = t('validation.required');
    if (!mapping.titleJa && !mapping.titleEn) found.titleJa = t('catalogImport.titleRequired');
    if (target === 'new') {
      if (!URN_SLUG.test(slug)) found.slug = t('catalogImport.urnInvalid');
      if (!VERSION.test(version)) found.version = t('catalogImport.versionInvalid');
      if (!titleJa.trim()) found.catalogTitleJa = t('validation.required');
      if (!titleEn.trim()) found.catalogTitleEn = t('validation.required');
    } else if (!baseCatalogId) {
      found.base = t('validation.required');
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !inspection) return null;
    const columns = Object.fromEntries(
      Object.entries(mapping).filter((entry): entry is [string, string] => Boolean(entry[1])),
    ) as ImportMapping;
    return {
      sheet: inspection.sheet,
      mapping: columns,
      defaultProvenance: provenance,
      ...(target === 'new'
        ? {
            header: {
              id: `${CATALOG_URN_PREFIX}${slug}`,
              version,
              title: { ja: titleJa.trim(), en: titleEn.trim() },
            },
          }
        : { baseCatalogId: baseCatalogId ?? undefined }),
    };
  };

  const doPreview = async (event: FormEvent) => {
    event.preventDefault();
    const o = options();
    if (!o || !file) return;
    const result = await run(() => api.previewImport(orgId, file, o));
    if (!result) return;
    setPreview(result.preview);
    setStep(2);
  };

  const apply = async () => {
    const o = options();
    if (!o || !file) return;
    const result = await run(() => api.applyImport(orgId, file, o));
    if (!result) return;
    const base = catalogs.find((c) => c.id === baseCatalogId);
    const title =
      target === 'new' ? (lang === 'ja' ? titleJa : titleEn) : base ? tx(base.title, lang) : result.urn;
    notifySuccess(t('catalogImport.done', { title }));
    void navigate(`/orgs/${orgId}/catalogs/${result.catalogId}`);
  };

  const restart = () => {
    setStep(0);
    setFile(null);
    setInspection(null);
    setPreview(null);
    setProblem(null);
    setMapping({});
  };

  const columnSelect = (field: ImportField) => (
    <Select
      key={field}
      label={t(`catalogImport.fields.${field}`)}
      placeholder={t('catalogImport.notMapped')}
      data={choices.map((c) => ({ value: c.value, label: c.label }))}
      value={mapping[field] ?? null}
      onChange={(value) => setMapping((m) => ({ ...m, [field]: value ?? undefined }))}
      clearable={field !== 'ref'}
      required={field === 'ref'}
      error={field === 'ref' ? errors.ref : field === 'titleJa' ? errors.titleJa : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <Stack>
      <Anchor component={Link} to={`/orgs/${orgId}/catalogs`} size="sm">
        ← {t('catalogs.backToList')}
      </Anchor>
      <PageHeader title={t('catalogImport.title')} description={t('catalogImport.intro')} />
      <Stepper
        active={step}
        onStepClick={(next) => {
          if (next < step) setStep(next);
        }}
        allowNextStepsSelect={false}
        size="sm"
        orientation={wide ? 'horizontal' : 'vertical'}
      >
        <Stepper.Step label={t('catalogImport.stepFile')} description={t('catalogImport.stepFileDesc')}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Group align="flex-end" gap="sm">
                <FileInput
                  label={t('catalogImport.file')}
                  placeholder={t('catalogImport.filePlaceholder')}
                  description={t('catalogImport.fileHint')}
                  accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  value={file}
                  onChange={(next) => {
                    setFile(next);
                    setInspection(null);
                    setPreview(null);
                    setProblem(null);
                  }}
                  clearable
                  error={errors.file}
                  leftSection={<UploadIcon />}
                  style={{ flex: '1 1 280px' }}
                />
                <Button onClick={() => void inspect()} loading={busy}>
                  {t('catalogImport.inspect')}
                </Button>
              </Group>
              {inspection ? (
                <Stack gap="sm">
                  {inspection.sheets.length > 1 ? (
                    <Select
                      label={t('catalogImport.sheet')}
                      data={inspection.sheets}
                      value={inspection.sheet}
                      allowDeselect={false}
                      onChange={(sheet) => {
                        if (sheet) void inspect(sheet);
                      }}
                      maw={320}
                    />
                  ) : (
                    <Text size="sm">
                      {t('catalogImport.sheet')}: <Code>{inspection.sheet}</Code>
                    </Text>
                  )}
                  <Text size="sm">{t('catalogImport.rowCount', { count: inspection.rows })}</Text>
                  <Group gap={4}>
                    <Text size="sm" c="dimmed">
                      {t('catalogImport.columns')}:
                    </Text>
                    {choices.map((c) => (
                      <Badge key={c.label} variant="default" tt="none">
                        {c.label}
                      </Badge>
                    ))}
                  </Group>
                  <Text size="sm" fw={600}>
                    {t('catalogImport.sample')}
                  </Text>
                  <Table.ScrollContainer minWidth={Math.max(320, choices.length * 120)}>
                    <Table withTableBorder withColumnBorders fz="xs" aria-label={t('catalogImport.sample')}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('catalogImport.row')}</Table.Th>
                          {choices.map((c) => (
                            <Table.Th key={c.label}>{c.label}</Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {inspection.sample.map((cells, i) => (
                          <Table.Tr key={i}>
                            <Table.Td c="dimmed">{i + 2}</Table.Td>
                            {choices.map((c, j) => (
                              <Table.Td key={c.label}>{cellText(cells[j])}</Table.Td>
                            ))}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  <Group justify="flex-end">
                    <Button onClick={() => setStep(1)}>{t('catalogImport.stepMap')} →</Button>
                  </Group>
                </Stack>
              ) : null}
            </Stack>
          </Paper>
        </Stepper.Step>

        <Stepper.Step label={t('catalogImport.stepMap')} description={t('catalogImport.stepMapDesc')}>
          <form onSubmit={(event) => void doPreview(event)} noValidate>
            <Stack>
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('catalogImport.mappingTitle')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('catalogImport.mappingIntro')}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                    {IMPORT_FIELDS.map(columnSelect)}
                  </SimpleGrid>
                </Stack>
              </Paper>
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('catalogImport.target')}
                  </Title>
                  <SegmentedControl
                    aria-label={t('catalogImport.target')}
                    value={target}
                    onChange={(value) => setTarget(value === 'extend' ? 'extend' : 'new')}
                    data={[
                      { value: 'new', label: t('catalogImport.targetNew') },
                      { value: 'extend', label: t('catalogImport.targetExtend') },
                    ]}
                    fullWidth={!wide}
                    style={{ alignSelf: wide ? 'flex-start' : undefined }}
                  />
                  {target === 'new' ? (
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      <TextInput
                        label={t('catalogImport.urn')}
                        required
                        value={slug}
                        onChange={(event) => setSlug(event.currentTarget.value.trim())}
                        description={t('catalogImport.urnHint', {
                          urn: `${CATALOG_URN_PREFIX}${slug || '…'}`,
                        })}
                        error={errors.slug}
                        autoComplete="off"
                      />
                      <TextInput
                        label={t('catalogImport.version')}
                        required
                        value={version}
                        onChange={(event) => setVersion(event.currentTarget.value.trim())}
                        error={errors.version}
                        autoComplete="off"
                      />
                      <TextInput
                        label={t('catalogImport.titleJa')}
                        required
                        value={titleJa}
                        onChange={(event) => setTitleJa(event.currentTarget.value)}
                        error={errors.catalogTitleJa}
                        lang="ja"
                      />
                      <TextInput
                        label={t('catalogImport.titleEn')}
                        required
                        value={titleEn}
                        onChange={(event) => setTitleEn(event.currentTarget.value)}
                        error={errors.catalogTitleEn}
                        lang="en"
                      />
                    </SimpleGrid>
                  ) : (
                    <Select
                      label={t('catalogImport.baseCatalog')}
                      description={t('catalogImport.baseHint')}
                      required
                      data={catalogs.map((c) => ({
                        value: c.id,
                        label: t('common.withNote', { text: tx(c.title, lang), note: c.version }),
                      }))}
                      value={baseCatalogId}
                      onChange={setBaseCatalogId}
                      error={errors.base}
                      searchable
                      comboboxProps={{ withinPortal: true }}
                    />
                  )}
                  <Stack gap={4}>
                    <Text size="sm" fw={500}>
                      {t('catalogImport.provenance')}
                    </Text>
                    <SegmentedControl
                      aria-label={t('catalogImport.provenance')}
                      value={provenance}
                      onChange={(value) => setProvenance(value === 'official' ? 'official' : 'own')}
                      data={[
                        { value: 'own', label: t('provenance.own') },
                        { value: 'official', label: t('provenance.official') },
                      ]}
                      style={{ alignSelf: 'flex-start' }}
                    />
                    <Text size="xs" c="dimmed">
                      {t('catalogImport.provenanceHint')}
                    </Text>
                  </Stack>
                </Stack>
              </Paper>
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(0)}>
                  ← {t('common.back')}
                </Button>
                <Button type="submit" loading={busy}>
                  {t('catalogImport.preview')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>

        <Stepper.Step label={t('catalogImport.stepApply')} description={t('catalogImport.stepApplyDesc')}>
          {preview ? (
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('catalogImport.previewTitle')}
                </Title>
                <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {t('catalogImport.summary', { urn: preview.urn, version: preview.version })}
                </Text>
                <Text size="lg" fw={600} data-testid="import-item-count">
                  {t('catalogImport.itemCount', { count: preview.itemCount })}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <RefList
                    label={t('catalogImport.added')}
                    refs={preview.changes.added}
                    titles={preview.changes.titles ?? {}}
                    color="teal"
                  />
                  <RefList
                    label={t('catalogImport.changed')}
                    refs={preview.changes.changed}
                    titles={preview.changes.titles ?? {}}
                    color="yellow"
                  />
                  <RefList
                    label={t('catalogImport.removed')}
                    refs={preview.changes.removed}
                    titles={preview.changes.titles ?? {}}
                    color="red"
                  />
                </SimpleGrid>
                <Text size="xs" c="dimmed">
                  {t('catalogImport.unchanged', { count: preview.changes.unchanged })}
                </Text>
                <Group justify="space-between">
                  <Button variant="default" onClick={() => setStep(1)}>
                    ← {t('common.back')}
                  </Button>
                  <Group gap="sm">
                    <Button variant="subtle" onClick={restart}>
                      {t('catalogImport.restart')}
                    </Button>
                    <Button onClick={() => void apply()} loading={busy}>
                      {t('catalogImport.apply')}
                    </Button>
                  </Group>
                </Group>
              </Stack>
            </Paper>
          ) : null}
        </Stepper.Step>
      </Stepper>
      <div ref={problemRef} style={{ scrollMarginBottom: 16 }}>
        {problem ? <ProblemTable error={problem} /> : null}
      </div>
    </Stack>
  );
}
