// Risk sources of one element: why each applies; dismiss one or add one from the catalog, with a reason
// (kept in the audit log by the server); undo by removing the override.
import { Badge, Button, Group, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cpsfApi, type AnalysisElement, type CpsfCatalog, type Override } from '../../../api/cpsf';
import { currentLanguage } from '../../../i18n';
import { notifyError } from '../../../lib/notify';
import { txt } from './meta';

type Dialog = { action: 'dismiss'; ref: string } | { action: 'add' };

export function ElementRisks({
  orgId,
  modelId,
  entry,
  catalog,
  overrides,
  readOnly,
  onChanged,
}: {
  orgId: string;
  modelId: string;
  entry: AnalysisElement;
  catalog: CpsfCatalog | null;
  overrides: readonly Override[];
  readOnly: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('cpsf');
  const lang = currentLanguage();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [reason, setReason] = useState('');
  const [addRef, setAddRef] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = (ref: string) => txt(catalog?.riskSources.find((r) => r.ref === ref)?.title, lang) || ref;
  const overrideFor = (ref: string) =>
    overrides.find((o) => o.elementId === entry.elementId && o.riskSourceRef === ref);

  const open = (next: Dialog) => {
    setReason('');
    setAddRef(null);
    setError(null);
    setDialog(next);
  };

  const submit = async () => {
    if (!dialog) return;
    const ref = dialog.action === 'dismiss' ? dialog.ref : addRef;
    if (!ref) return setError(t('cpsf.risks.pick'));
    if (!reason.trim()) return setError(t('cpsf.risks.reasonRequired'));
    setBusy(true);
    try {
      await cpsfApi.addOverride(orgId, modelId, {
        elementId: entry.elementId,
        riskSourceRef: ref,
        action: dialog.action,
        reason: reason.trim(),
      });
      setDialog(null);
      onChanged();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  const undo = async (override: Override) => {
    try {
      await cpsfApi.removeOverride(orgId, modelId, override.id);
      onChanged();
    } catch (e) {
      notifyError(e);
    }
  };

  const present = new Set(entry.riskSources.map((r) => r.ref));
  return (
    <Stack gap="xs">
      {entry.riskSources.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cpsf.risks.none')}
        </Text>
      ) : null}
      {entry.riskSources.map((r) => {
        const override = overrideFor(r.ref);
        return (
          <Paper key={r.ref} withBorder p="xs" opacity={r.dismissed ? 0.6 : 1} data-testid="cpsf-risk">
            <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={4}>
                  <Text size="xs" ff="monospace" c="dimmed">
                    {r.ref}
                  </Text>
                  {r.origin === 'added' ? (
                    <Badge size="xs" variant="light">
                      {t('cpsf.risks.added')}
                    </Badge>
                  ) : null}
                  {r.dismissed ? (
                    <Badge size="xs" color="gray">
                      {t('cpsf.risks.dismissed')}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="sm" fw={500} td={r.dismissed ? 'line-through' : undefined}>
                  {title(r.ref)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('cpsf.risks.because', { text: txt(r.because, lang) })}
                </Text>
                {r.reason ? <Text size="xs">{t('cpsf.risks.reason', { text: r.reason })}</Text> : null}
              </Stack>
              {!readOnly ? (
                override ? (
                  <Button size="compact-xs" variant="subtle" onClick={() => void undo(override)}>
                    {t('cpsf.risks.undo')}
                  </Button>
                ) : !r.dismissed ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => open({ action: 'dismiss', ref: r.ref })}
                  >
                    {t('cpsf.risks.dismiss')}
                  </Button>
                ) : null
              ) : null}
            </Group>
          </Paper>
        );
      })}
      {!readOnly ? (
        <Group>
          <Button size="xs" variant="light" onClick={() => open({ action: 'add' })}>
            {t('cpsf.risks.add')}
          </Button>
        </Group>
      ) : null}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.action === 'add' ? t('cpsf.risks.addTitle') : t('cpsf.risks.dismissTitle')}
      >
        <Stack>
          {dialog?.action === 'add' ? (
            <Select
              label={t('cpsf.risks.pick')}
              data={(catalog?.riskSources ?? [])
                .filter((r) => !present.has(r.ref))
                .map((r) => ({ value: r.ref, label: `${r.ref} ${txt(r.title, lang)}` }))}
              value={addRef}
              onChange={setAddRef}
              searchable
              required
              comboboxProps={{ withinPortal: true }}
            />
          ) : dialog ? (
            <Text size="sm">{title(dialog.ref)}</Text>
          ) : null}
          <Textarea
            label={t('cpsf.risks.reasonLabel')}
            description={t('cpsf.risks.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            required
            autosize
            minRows={2}
            error={error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void submit()} loading={busy}>
              {dialog?.action === 'add' ? t('cpsf.risks.add') : t('cpsf.risks.dismiss')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
