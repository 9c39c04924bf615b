// Attaching an SBOM to a release: CycloneDX 1.0–1.7 JSON/XML, SPDX 2.2/2.3 JSON or tag-value, or an npm
// package-lock.json. A refused file shows its located problems; an accepted one replaces the release's
// SBOM and re-matches it, and shows its warnings (parts that were not read or cannot be matched).
import { Button, FileButton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { softwareApi, type Release } from '../../../api/software';
import { notifySuccess, notifyWarning } from '../../../lib/notify';
import { UploadIcon } from '../../../components/icons';
import { SbomProblems } from './SbomProblems';
import { SbomWarnings, sbomWarnings, type SbomWarning } from './SbomWarnings';

export const SBOM_ACCEPT = '.json,.xml,.cdx,.spdx,.txt,application/json,application/xml,text/xml,text/plain';

export function SbomUpload({
  orgId,
  release,
  onUploaded,
  onError,
  compact = false,
}: {
  orgId: string;
  release: Release;
  onUploaded: (release: Release, findings: number) => void;
  /** When given, a refused file is reported here (the caller shows the problems) instead of below. */
  onError?: (error: unknown) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation('software');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [warnings, setWarnings] = useState<SbomWarning[]>([]);

  const send = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setWarnings([]);
    onError?.(null);
    try {
      const response = await softwareApi.uploadSbom(orgId, release.id, file);
      notifySuccess(
        t('software.sbom.uploaded', {
          components: response.release.sbom?.componentCount ?? 0,
          findings: response.findings,
        }),
      );
      setWarnings(sbomWarnings(response.warnings));
      if (response.malicious) notifyWarning(t('software.sbom.maliciousFound', { count: response.malicious }));
      onUploaded(response.release, response.findings);
    } catch (e) {
      if (onError) onError(e);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <FileButton onChange={(file) => void send(file)} accept={SBOM_ACCEPT}>
        {(props) => (
          <Button
            {...props}
            size={compact ? 'xs' : 'sm'}
            variant={release.sbom ? 'default' : 'filled'}
            leftSection={<UploadIcon />}
            loading={busy}
            aria-label={t('software.sbom.uploadFor', { version: release.version })}
          >
            {release.sbom ? t('software.sbom.replace') : t('software.sbom.upload')}
          </Button>
        )}
      </FileButton>
      {!compact ? (
        <Text size="xs" c="dimmed">
          {t('software.sbom.formats')}
        </Text>
      ) : null}
      {error ? <SbomProblems error={error} /> : null}
      <SbomWarnings warnings={warnings} />
    </Stack>
  );
}
