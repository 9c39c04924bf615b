// Requirements of one element at its measure level: status (stored as an answer of the model's
// assessment) and evidence files.
import { Anchor, Badge, FileButton, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import {
  MEASURE_LEVELS,
  REQUIREMENT_STATUSES,
  cpsfApi,
  statusRef,
  type AnalysisElement,
  type CpsfCatalog,
  type ElementRequirement,
  type Evidence,
  type RequirementStatus,
} from '../../../api/cpsf';
import { currentLanguage } from '../../../i18n';
import { notifyError, notifySuccess, notifyWarning } from '../../../lib/notify';
import { UploadIcon } from '../../../components/icons';
import { txt } from './meta';

export const STATUS_COLOR: Record<RequirementStatus, string> = {
  implemented: 'teal',
  partial: 'yellow',
  not_implemented: 'red',
  not_applicable: 'gray',
};

export function ElementRequirements({
  orgId,
  modelId,
  assessmentId,
  entry,
  catalog,
  evidence,
  readOnly,
  onChanged,
  onEvidence,
}: {
  orgId: string;
  modelId: string;
  assessmentId: string | null;
  entry: AnalysisElement;
  catalog: CpsfCatalog | null;
  evidence: readonly Evidence[];
  readOnly: boolean;
  onChanged: () => void;
  onEvidence: () => void;
}) {
  const { t } = useTranslation('cpsf');
  const lang = currentLanguage();
  const [local, setLocal] = useState<Record<string, RequirementStatus | null>>({});
  const [uploading, setUploading] = useState<string | null>(null);
  const tierLabel = (tier: string) => {
    const level = MEASURE_LEVELS.find((l) => l === tier);
    return level ? t(`cpsf.measureLevels.${level}`) : tier;
  };

  const setStatus = async (r: ElementRequirement, value: RequirementStatus | null) => {
    setLocal((m) => ({ ...m, [r.ref]: value }));
    try {
      await cpsfApi.setStatus(orgId, modelId, entry.elementId, r.ref, { value, revision: r.statusRevision });
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) notifyWarning(t('cpsf.requirements.conflict'));
      else notifyError(error);
      setLocal((m) => {
        const next = { ...m };
        delete next[r.ref];
        return next;
      });
      onChanged();
    }
  };

  const attach = async (r: ElementRequirement, file: File | null) => {
    if (!file || !assessmentId) return;
    setUploading(r.ref);
    try {
      await cpsfApi.uploadEvidence(orgId, assessmentId, statusRef(r.ref, entry.elementId), file);
      notifySuccess(t('cpsf.requirements.uploaded', { name: file.name }));
      onEvidence();
    } catch (error) {
      notifyError(error);
    } finally {
      setUploading(null);
    }
  };

  if (entry.requirements.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('cpsf.requirements.none')}
      </Text>
    );

  return (
    <Stack gap="xs">
      {entry.requirements.map((r) => {
        const req = catalog?.requirements.find((c) => c.ref === r.ref);
        const status = r.ref in local ? (local[r.ref] ?? null) : r.status;
        const files = evidence.filter((e) => e.ref === statusRef(r.ref, entry.elementId));
        return (
          <Paper key={r.ref} withBorder p="xs" data-testid="cpsf-requirement" data-ref={r.ref}>
            <Stack gap={4}>
              <Group gap={4}>
                <Text size="xs" ff="monospace" c="dimmed">
                  {r.ref}
                </Text>
                <Badge size="xs" variant="light">
                  {tierLabel(r.tier)}
                </Badge>
                {r.cpsfRefs.map((ref) => (
                  <Badge key={ref} size="xs" variant="outline" color="gray" tt="none">
                    {ref}
                  </Badge>
                ))}
              </Group>
              <Text size="sm" fw={500}>
                {txt(req?.title, lang) || r.ref}
              </Text>
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <Select
                  aria-label={t('cpsf.requirements.status', { ref: r.ref })}
                  placeholder={t('cpsf.requirements.unanswered')}
                  data={REQUIREMENT_STATUSES.map((s) => ({ value: s, label: t(`cpsf.statuses.${s}`) }))}
                  value={status}
                  onChange={(v) => void setStatus(r, REQUIREMENT_STATUSES.find((s) => s === v) ?? null)}
                  clearable
                  readOnly={readOnly}
                  size="xs"
                  style={{ flex: 1 }}
                  styles={
                    status
                      ? { input: { borderColor: `var(--mantine-color-${STATUS_COLOR[status]}-5)` } }
                      : undefined
                  }
                  comboboxProps={{ withinPortal: true }}
                />
                {!readOnly && assessmentId ? (
                  <FileButton onChange={(file) => void attach(r, file)}>
                    {(props) => (
                      <Anchor
                        component="button"
                        type="button"
                        size="xs"
                        {...props}
                        aria-label={t('cpsf.requirements.attachFor', { ref: r.ref })}
                      >
                        <Group gap={2} wrap="nowrap">
                          <UploadIcon />
                          {uploading === r.ref ? t('common.loading') : t('cpsf.requirements.attach')}
                        </Group>
                      </Anchor>
                    )}
                  </FileButton>
                ) : null}
              </Group>
              {files.map((f) => (
                <Anchor
                  key={f.id}
                  size="xs"
                  href={assessmentId ? cpsfApi.evidenceUrl(orgId, assessmentId, f.id) : undefined}
                >
                  📎 {f.filename}
                </Anchor>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
