import { Badge, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { ProblemTable } from '../../../components/ProblemTable';
import { supplychainApi, type ImportPreview } from '../api';

/** Import from .xlsx/CSV: check the content first (preview), then register it all, or nothing. */
export function ImportModal({
  orgId,
  opened,
  onClose,
  onImported,
}: {
  orgId: string;
  opened: boolean;
  onClose: () => void;
  onImported: (count: number) => void;
}) {
  const { t } = useTranslation('supplychain');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) {
      setFile(null);
      setPreview(null);
      setError(null);
    }
  }, [opened]);

  const run = async (mode: 'preview' | 'apply') => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await supplychainApi.importFile(orgId, file, mode);
      if (mode === 'preview') setPreview(r);
      else onImported(r.suppliers.length);
    } catch (e) {
      setPreview(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('supplychain.import.title')} size="xl">
      <Stack>
        <Text size="sm">{t('supplychain.import.lead')}</Text>
        <FileInput
          label={t('supplychain.import.file')}
          description={t('supplychain.import.limits')}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            setPreview(null);
            setError(null);
          }}
          clearable
        />
        {error ? (
          <Stack gap="xs" data-testid="import-problems">
            <ProblemTable error={error} />
          </Stack>
        ) : null}
        {preview ? (
          <Stack gap="xs" data-testid="import-preview">
            <Text fw={600}>
              {t('supplychain.import.summary', { creates: preview.creates, merges: preview.merges })}
            </Text>
            <DataTable
              label={t('supplychain.import.title')}
              rows={preview.suppliers}
              rowKey={(s) => s.rows.join('-')}
              columns={[
                { key: 'name', header: t('supplychain.col.name'), primary: true, render: (s) => s.name },
                {
                  key: 'cn',
                  header: t('supplychain.col.corporateNumber'),
                  nowrap: true,
                  render: (s) => s.corporateNumber ?? '—',
                },
                {
                  key: 'rows',
                  header: t('supplychain.import.rows'),
                  nowrap: true,
                  render: (s) => s.rows.join(', '),
                },
                {
                  key: 'action',
                  header: '',
                  nowrap: true,
                  render: (s) => (
                    <Badge variant="light" color={s.action === 'create' ? 'blue' : 'grape'}>
                      {t(`supplychain.import.action.${s.action}`)}
                    </Badge>
                  ),
                },
              ]}
            />
          </Stack>
        ) : null}
        <Group justify="flex-end">
          {preview ? (
            <Button onClick={() => void run('apply')} loading={busy}>
              {t('supplychain.import.apply', { count: preview.suppliers.length })}
            </Button>
          ) : (
            <Button onClick={() => void run('preview')} loading={busy} disabled={!file}>
              {t('supplychain.import.preview')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
