// VEX documents: import a CycloneDX VEX or OpenVEX file into this release's analyses, export them in
// either format.
import { Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VEX_FORMATS, softwareApi } from '../../../api/software';
import { notifySuccess } from '../../../lib/notify';
import { DownloadIcon, UploadIcon } from '../../../components/icons';
import { SbomProblems } from './SbomProblems';
import { VexHistory } from './VexHistory';

export function VexFiles({
  orgId,
  releaseId,
  writer,
  onImported,
}: {
  orgId: string;
  releaseId: string;
  writer: boolean;
  onImported: () => void;
}) {
  const { t } = useTranslation('software');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [imports, setImports] = useState(0);

  const send = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await softwareApi.importVex(orgId, releaseId, file);
      notifySuccess(
        t('software.vexFiles.imported', {
          applied: result.applied,
          kept: result.kept,
          unmatched: result.unmatched.length,
        }),
      );
      setImports((n) => n + 1);
      onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('software.vexFiles.export')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('software.vexFiles.exportHint')}
          </Text>
          <Group gap="xs">
            {VEX_FORMATS.map((format) => (
              <Button
                key={format}
                component="a"
                href={softwareApi.vexUrl(orgId, releaseId, format)}
                download
                variant="light"
                leftSection={<DownloadIcon />}
              >
                {t(`software.vexFiles.formats.${format}`)}
              </Button>
            ))}
          </Group>
        </Stack>
      </Paper>
      {writer ? (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('software.vexFiles.import')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('software.vexFiles.importHint')}
            </Text>
            <Group>
              <FileButton onChange={(file) => void send(file)} accept=".json,application/json">
                {(props) => (
                  <Button {...props} leftSection={<UploadIcon />} loading={busy}>
                    {t('software.vexFiles.importButton')}
                  </Button>
                )}
              </FileButton>
            </Group>
            {error ? <SbomProblems error={error} /> : null}
          </Stack>
        </Paper>
      ) : null}
      <VexHistory orgId={orgId} releaseId={releaseId} version={imports} />
    </Stack>
  );
}
