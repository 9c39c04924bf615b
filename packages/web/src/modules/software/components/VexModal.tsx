// Recording the analysis of one finding (VEX): status, the justification required for "not affected",
// and a free-text detail.
import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  VEX_JUSTIFICATIONS,
  VEX_STATUSES,
  softwareApi,
  type Finding,
  type VexJustification,
  type VexStatus,
} from '../../../api/software';
import { errorMessage } from '../../../lib/notify';

export function VexModal({
  orgId,
  finding,
  onClose,
  onSaved,
}: {
  orgId: string;
  finding: Finding | null;
  onClose: () => void;
  onSaved: (finding: Finding) => void;
}) {
  const { t } = useTranslation('software');
  const [status, setStatus] = useState<VexStatus>('under_investigation');
  const [justification, setJustification] = useState<VexJustification | ''>('');
  const [detail, setDetail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!finding) return;
    setStatus(finding.vex?.status ?? 'under_investigation');
    setJustification(VEX_JUSTIFICATIONS.find((j) => j === finding.vex?.justification) ?? '');
    setDetail(finding.vex?.detail ?? '');
    setError(null);
  }, [finding]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!finding) return;
    if (status === 'not_affected' && !justification) return setError(t('software.vex.justificationRequired'));
    setBusy(true);
    setError(null);
    try {
      const response = await softwareApi.setVex(orgId, finding.id, {
        status,
        justification: status === 'not_affected' ? justification || null : null,
        detail: detail.trim() || null,
      });
      onSaved(response.finding);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={finding !== null} onClose={onClose} title={t('software.vex.title')}>
      {finding ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <Text size="sm">
              {t('software.vex.subject', {
                advisory: finding.advisoryId,
                component: `${finding.component.name}@${finding.component.version ?? ''}`,
              })}
            </Text>
            <NativeSelect
              label={t('software.vex.status')}
              value={status}
              onChange={(event) =>
                setStatus(VEX_STATUSES.find((s) => s === event.currentTarget.value) ?? 'under_investigation')
              }
              data={VEX_STATUSES.map((s) => ({ value: s, label: t(`software.vexStatus.${s}`) }))}
            />
            {status === 'not_affected' ? (
              <NativeSelect
                label={t('software.vex.justification')}
                required
                value={justification}
                error={error && !justification ? error : undefined}
                onChange={(event) =>
                  setJustification(VEX_JUSTIFICATIONS.find((j) => j === event.currentTarget.value) ?? '')
                }
                data={[
                  { value: '', label: t('software.vex.pickJustification') },
                  ...VEX_JUSTIFICATIONS.map((j) => ({
                    value: j,
                    label: t(`software.vexJustification.${j}`),
                  })),
                ]}
              />
            ) : null}
            <Textarea
              label={t('software.vex.detail')}
              description={t('software.vex.detailHint')}
              autosize
              minRows={2}
              maxRows={6}
              value={detail}
              onChange={(event) => setDetail(event.currentTarget.value)}
            />
            {error && (status !== 'not_affected' || justification) ? (
              <Text size="sm" c="red" role="alert">
                {error}
              </Text>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
