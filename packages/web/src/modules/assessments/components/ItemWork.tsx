import { ActionIcon, Anchor, Badge, Button, FileButton, Group, Select, Stack, Text } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { Member } from '../../../api/types';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { DateField } from '../../../components/DateField';
import { ChevronDownIcon, ChevronRightIcon } from '../../../components/icons';
import { currentLanguage } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { assessmentsApi, MAX_EVIDENCE_BYTES, type Evidence } from '../api';

/** A file size as people read it (KB below 1 MB). */
export function fileSize(bytes: number, lang: string): string {
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024
    ? `${n.format(Math.max(bytes / 1024, 0.1))} KB`
    : `${n.format(bytes / 1048576)} MB`;
}

export interface ItemWorkProps {
  orgId: string;
  assessmentId: string;
  itemRef: string;
  assigneeId: string | null;
  dueDate: string | null;
  evidence: readonly Evidence[];
  members: readonly Member[];
  editable: boolean;
  /** Today as YYYY-MM-DD (an open item past its due date is marked). */
  today: string;
  onAssign: (ref: string, change: { assigneeId?: string | null; dueDate?: string | null }) => void;
  onEvidenceChanged: () => void;
}

/** Who does one item, by when, and its evidence files: a summary line that opens the editors. */
export const ItemWork = memo(function ItemWork(p: ItemWorkProps) {
  const { t } = useTranslation('assessments');
  const lang = currentLanguage();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const assignee = p.members.find((m) => m.user.id === p.assigneeId);
  const overdue = p.dueDate !== null && p.dueDate < p.today;
  const nameOf = (userId: string | null) =>
    p.members.find((m) => m.user.id === userId)?.user.displayName ?? t('work.formerMember');

  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_EVIDENCE_BYTES) {
      setError(t('work.tooLarge', { size: fileSize(file.size, lang) }));
      return;
    }
    setBusy(true);
    try {
      await assessmentsApi.uploadEvidence(p.orgId, p.assessmentId, p.itemRef, file);
      notifySuccess(t('work.uploaded', { name: file.name }));
      p.onEvidenceChanged();
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'unsupported_media_type' ? t('work.badType') : errorMessage(e),
      );
    } finally {
      setBusy(false);
    }
  };

  const askDelete = (e: Evidence) =>
    setConfirm({
      title: t('work.deleteTitle'),
      message: t('work.deleteConfirm', { name: e.filename }),
      confirmLabel: t('work.delete'),
      onConfirm: async () => {
        await assessmentsApi.deleteEvidence(p.orgId, p.assessmentId, e.id);
        setError(null);
        notifySuccess(t('work.deleted', { name: e.filename }));
        p.onEvidenceChanged();
      },
    });

  return (
    <Stack gap={6} data-testid="item-work">
      <Group gap={6} wrap="wrap">
        <Button
          variant="subtle"
          color="gray"
          size="compact-xs"
          px={4}
          leftSection={open ? <ChevronDownIcon /> : <ChevronRightIcon />}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
        >
          {t('work.toggle')}
        </Button>
        {assignee ? (
          <Badge variant="light" color="indigo" tt="none">
            {t('work.assigneeBadge', { name: assignee.user.displayName })}
          </Badge>
        ) : null}
        {p.dueDate ? (
          <Badge variant="light" color={overdue ? 'red' : 'gray'} tt="none">
            {t(overdue ? 'work.overdueBadge' : 'work.dueBadge', { date: formatDate(p.dueDate, lang) })}
          </Badge>
        ) : null}
        {p.evidence.length > 0 ? (
          <Badge variant="light" color="teal" tt="none">
            {t('work.evidenceBadge', { count: p.evidence.length })}
          </Badge>
        ) : null}
      </Group>
      {open ? (
        <Stack gap="xs" pl={{ base: 0, sm: 'sm' }} data-testid="item-work-panel">
          <Group gap="xs" align="flex-start" wrap="wrap">
            <Select
              label={t('work.assignee')}
              placeholder={t('work.noAssignee')}
              size="xs"
              w={{ base: '100%', xs: 220 }}
              data={p.members.map((m) => ({ value: m.user.id, label: m.user.displayName }))}
              value={p.assigneeId}
              onChange={(value) => p.onAssign(p.itemRef, { assigneeId: value })}
              clearable
              searchable
              disabled={!p.editable}
              comboboxProps={{ withinPortal: true }}
            />
            <DateField
              label={t('work.dueDate')}
              size="xs"
              w={{ base: '100%', xs: 170 }}
              value={p.dueDate ?? ''}
              onChange={(event) => p.onAssign(p.itemRef, { dueDate: event.currentTarget.value || null })}
              disabled={!p.editable}
            />
          </Group>
          <Stack gap={4}>
            <Text size="xs" fw={600}>
              {t('work.evidence')}
            </Text>
            {p.evidence.length === 0 ? (
              <Text size="xs" c="dimmed">
                {t('work.noEvidence')}
              </Text>
            ) : (
              <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {p.evidence.map((e) => (
                  <Group key={e.id} component="li" gap={6} wrap="nowrap" justify="space-between">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Anchor
                        href={assessmentsApi.evidenceUrl(p.orgId, p.assessmentId, e.id)}
                        download={e.filename}
                        size="sm"
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {e.filename}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('work.fileMeta', {
                          size: fileSize(e.size, lang),
                          by: nameOf(e.uploadedBy),
                          at: formatDateTime(e.createdAt, lang),
                        })}
                      </Text>
                    </Stack>
                    {p.editable ? (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        aria-label={t('work.deleteNamed', { name: e.filename })}
                        onClick={() => askDelete(e)}
                      >
                        ×
                      </ActionIcon>
                    ) : null}
                  </Group>
                ))}
              </Stack>
            )}
            {p.editable ? (
              <Group gap="xs" wrap="wrap" align="center">
                <FileButton onChange={(file) => void upload(file)}>
                  {(props) => (
                    <Button {...props} size="compact-sm" variant="light" loading={busy}>
                      {t('work.upload')}
                    </Button>
                  )}
                </FileButton>
                <Text size="xs" c="dimmed">
                  {t('work.limits')}
                </Text>
              </Group>
            ) : null}
            {error ? (
              <Text size="xs" c="red.7" role="alert">
                {error}
              </Text>
            ) : null}
          </Stack>
        </Stack>
      ) : null}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </Stack>
  );
});
