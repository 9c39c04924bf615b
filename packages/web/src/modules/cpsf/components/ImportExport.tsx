// Import into a model (JSON model, or a CSV/.xlsx asset ledger 資産台帳: file → preview → apply, errors
// located by row and column) and the downloads (JSON, .xlsx, report PDF/.xlsx).
import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { cpsfApi, type ImportResult } from '../../../api/cpsf';
import { currentLanguage } from '../../../i18n';
import { notifySuccess } from '../../../lib/notify';
import { DownloadIcon, UploadIcon } from '../../../components/icons';
import { ProblemTable } from '../../../components/ProblemTable';

/** The server answers import problems as `details.problems`; ProblemTable reads `details` as the list. */
export function flattenProblems(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const details = error.details as { problems?: unknown } | undefined;
  if (details && !Array.isArray(details) && Array.isArray(details.problems)) {
    const problems = details.problems as { file?: string; sheet?: string }[];
    return new ApiError(
      error.status,
      error.code,
      error.message,
      problems.map((p) => ({ ...p, sheet: p.sheet ?? p.file })),
    );
  }
  return error;
}

export function ImportExport({
  orgId,
  modelId,
  readOnly,
  onImported,
}: {
  orgId: string;
  modelId: string;
  readOnly: boolean;
  onImported: () => void;
}) {
  const { t } = useTranslation('cpsf');
  const lang = currentLanguage();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState('');
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (mode: 'preview' | 'apply') => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await cpsfApi.importModel(orgId, modelId, mode, file, sheet.trim() || null);
      if (mode === 'preview') setPreview(result);
      else {
        setPreview(null);
        setFile(null);
        notifySuccess(t('cpsf.import.done', { added: result.added, updated: result.updated }));
        onImported();
      }
    } catch (error) {
      setProblem(flattenProblems(error));
    } finally {
      setBusy(false);
    }
  };

  const link = (href: string, label: string) => (
    <Button component="a" href={href} variant="default" leftSection={<DownloadIcon />} download>
      {label}
    </Button>
  );

  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('cpsf.export.title')}
          </Title>
          <Group gap="sm">
            {link(cpsfApi.exportUrl(orgId, modelId, 'json'), t('cpsf.export.json'))}
            {link(cpsfApi.exportUrl(orgId, modelId, 'xlsx'), t('cpsf.export.xlsx'))}
            {link(cpsfApi.reportUrl(orgId, modelId, 'pdf', lang), t('cpsf.export.reportPdf'))}
            {link(cpsfApi.reportUrl(orgId, modelId, 'xlsx', lang), t('cpsf.export.reportXlsx'))}
          </Group>
          <Text size="xs" c="dimmed">
            {t('cpsf.export.pngHint')}
          </Text>
        </Stack>
      </Paper>
      {!readOnly ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('cpsf.import.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('cpsf.import.intro')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <FileInput
                label={t('cpsf.import.file')}
                placeholder={t('cpsf.import.filePlaceholder')}
                accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={(next) => {
                  setFile(next);
                  setPreview(null);
                  setProblem(null);
                }}
                leftSection={<UploadIcon />}
                clearable
              />
              <TextInput
                label={t('cpsf.import.sheet')}
                description={t('cpsf.import.sheetHint')}
                value={sheet}
                onChange={(event) => setSheet(event.currentTarget.value)}
              />
            </SimpleGrid>
            <Group>
              <Button onClick={() => void run('preview')} loading={busy} disabled={!file}>
                {t('cpsf.import.preview')}
              </Button>
            </Group>
            {preview ? (
              <Alert color="indigo" title={t('cpsf.import.previewTitle')} data-testid="cpsf-import-preview">
                <Stack gap="xs">
                  <Text size="sm">
                    {t('cpsf.import.summary', {
                      added: preview.added,
                      updated: preview.updated,
                      edges: preview.edgesAdded,
                      elements: preview.elements,
                    })}
                  </Text>
                  <Group>
                    <Button onClick={() => void run('apply')} loading={busy}>
                      {t('cpsf.import.apply')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            ) : null}
            {problem ? <ProblemTable error={problem} /> : null}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
