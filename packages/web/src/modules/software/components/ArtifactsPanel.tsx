// Artifact integrity (配布物の完全性): the expected SHA-256 of each file a release distributes, and a check of
// a file against it. The file is hashed in the browser (never uploaded); a mismatch opens an incident.
import { Alert, Button, FileButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { softwareApi, type Artifact, type Release, type VerifyResult } from '../../../api/software';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { DataTable, type Column } from '../../../components/DataTable';
import { UploadIcon } from '../../../components/icons';

const SHA256 = /^[0-9a-f]{64}$/;

/** Registered signature metadata in one line (values only, in a stable order). */
function signatureText(signature: Record<string, unknown> | null): string {
  if (!signature) return '—';
  const values = ['algorithm', 'keyId', 'certificateSubject', 'signatureUrl']
    .map((k) => signature[k])
    .filter((v): v is string => typeof v === 'string' && v !== '');
  return values.length ? values.join(' · ') : '—';
}

/** Hex SHA-256 of a file, computed with Web Crypto. */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function ArtifactsPanel({
  orgId,
  release,
  writer,
}: {
  orgId: string;
  release: Release;
  writer: boolean;
}) {
  const { t } = useTranslation('software');
  const lang = currentLanguage();
  const [items, setItems] = useState<Artifact[] | null>(null);
  const [filename, setFilename] = useState('');
  const [sha, setSha] = useState('');
  const [algorithm, setAlgorithm] = useState('');
  const [keyId, setKeyId] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<{
    result: VerifyResult;
    filename: string;
    incidentId?: string;
  } | null>(null);

  useEffect(() => {
    softwareApi.artifacts(orgId, release.id).then(
      (response) => setItems(response.items),
      (error: unknown) => {
        notifyError(error);
        setItems([]);
      },
    );
  }, [orgId, release.id]);

  const pick = async (file: File | null) => {
    if (!file) return;
    setFilename(file.name);
    setSha(await sha256Hex(file));
  };

  const register = async (event: FormEvent) => {
    event.preventDefault();
    const hash = sha.trim().toLowerCase();
    if (!filename.trim()) return setFormError(t('validation.required'));
    if (!SHA256.test(hash)) return setFormError(t('software.artifacts.badSha'));
    setBusy(true);
    setFormError(null);
    try {
      const { artifact } = await softwareApi.registerArtifact(orgId, release.id, {
        filename: filename.trim(),
        sha256: hash,
        signature:
          algorithm.trim() || keyId.trim()
            ? {
                ...(algorithm.trim() ? { algorithm: algorithm.trim() } : {}),
                ...(keyId.trim() ? { keyId: keyId.trim() } : {}),
              }
            : null,
      });
      setItems((list) => [...(list ?? []), artifact]);
      setFilename('');
      setSha('');
      setAlgorithm('');
      setKeyId('');
      notifySuccess(t('software.artifacts.registered', { filename: artifact.filename }));
    } catch (e) {
      setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const verify = async (file: File | null) => {
    if (!file) return;
    setVerifying(true);
    setVerdict(null);
    try {
      const hash = await sha256Hex(file);
      const response = await softwareApi.verifyArtifact(orgId, {
        releaseId: release.id,
        filename: file.name,
        sha256: hash,
      });
      setVerdict({ result: response.result, filename: file.name, incidentId: response.incidentId });
    } catch (e) {
      notifyError(e);
    } finally {
      setVerifying(false);
    }
  };

  const columns: Column<Artifact>[] = [
    {
      key: 'filename',
      header: t('software.artifacts.filename'),
      primary: true,
      render: (a) => (
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {a.filename}
        </Text>
      ),
    },
    {
      key: 'sha256',
      header: 'SHA-256',
      render: (a) => (
        <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {a.sha256}
        </Text>
      ),
    },
    {
      key: 'signature',
      header: t('software.artifacts.signature'),
      render: (a) => <Text size="xs">{signatureText(a.signature)}</Text>,
    },
    {
      key: 'created',
      header: t('common.createdAt'),
      nowrap: true,
      render: (a) => <Text size="xs">{formatDateTime(a.createdAt, lang)}</Text>,
    },
  ];

  const verdictColor =
    verdict?.result === 'match' ? 'teal' : verdict?.result === 'mismatch' ? 'red' : 'yellow';

  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('software.artifacts.verify')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('software.artifacts.verifyHint')}
          </Text>
          <Group>
            <FileButton onChange={(file) => void verify(file)}>
              {(props) => (
                <Button {...props} variant="light" leftSection={<UploadIcon />} loading={verifying}>
                  {t('software.artifacts.verifyFile')}
                </Button>
              )}
            </FileButton>
          </Group>
          {verdict ? (
            <Alert
              color={verdictColor}
              title={t(`software.artifacts.result.${verdict.result}`)}
              data-testid="verify-result"
            >
              <Text size="sm">{verdict.filename}</Text>
              {verdict.incidentId ? <Text size="sm">{t('software.artifacts.incident')}</Text> : null}
            </Alert>
          ) : null}
        </Stack>
      </Paper>
      <Title order={3} size="h5">
        {t('software.artifacts.title')}
      </Title>
      {items && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('software.artifacts.empty')}
        </Text>
      ) : null}
      <DataTable
        label={t('software.artifacts.title')}
        columns={columns}
        rows={items ?? []}
        rowKey={(a) => a.id}
      />
      {writer ? (
        <Paper withBorder p="md">
          <form onSubmit={(event) => void register(event)} noValidate>
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('software.artifacts.register')}
              </Title>
              <Group>
                <FileButton onChange={(file) => void pick(file)}>
                  {(props) => (
                    <Button {...props} size="xs" variant="default">
                      {t('software.artifacts.hashFile')}
                    </Button>
                  )}
                </FileButton>
              </Group>
              <TextInput
                label={t('software.artifacts.filename')}
                value={filename}
                onChange={(event) => setFilename(event.currentTarget.value)}
                required
              />
              <TextInput
                label="SHA-256"
                value={sha}
                onChange={(event) => setSha(event.currentTarget.value)}
                required
                styles={{ input: { fontFamily: 'monospace' } }}
              />
              <Group grow align="flex-start" preventGrowOverflow={false}>
                <TextInput
                  label={t('software.artifacts.algorithm')}
                  description={t('software.artifacts.signatureHint')}
                  value={algorithm}
                  onChange={(event) => setAlgorithm(event.currentTarget.value)}
                  style={{ minWidth: 200 }}
                />
                <TextInput
                  label={t('software.artifacts.keyId')}
                  value={keyId}
                  onChange={(event) => setKeyId(event.currentTarget.value)}
                  style={{ minWidth: 200 }}
                />
              </Group>
              {formError ? (
                <Text size="sm" c="red" role="alert">
                  {formError}
                </Text>
              ) : null}
              <Group justify="flex-end">
                <Button type="submit" loading={busy}>
                  {t('software.artifacts.registerSubmit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}
    </Stack>
  );
}
