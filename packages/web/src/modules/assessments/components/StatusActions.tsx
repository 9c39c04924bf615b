import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Assessment, AssessmentStatus } from '../../../api/types';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { notifySuccess } from '../../../lib/notify';

interface StatusMove {
  to: AssessmentStatus;
  label: 'workspace.submit' | 'workspace.approve' | 'workspace.lock' | 'workspace.reopen';
  primary: boolean;
}

/** The moves the workflow allows from a status for this user (the server checks again). */
function statusMoves(status: AssessmentStatus, writer: boolean, reviewer: boolean): StatusMove[] {
  switch (status) {
    case 'draft':
      return writer ? [{ to: 'in_review', label: 'workspace.submit', primary: true }] : [];
    case 'in_review':
      return [
        ...(reviewer
          ? [{ to: 'approved' as const, label: 'workspace.approve' as const, primary: true }]
          : []),
        ...(writer ? [{ to: 'draft' as const, label: 'workspace.reopen' as const, primary: false }] : []),
      ];
    case 'approved':
      return reviewer
        ? [
            { to: 'locked', label: 'workspace.lock', primary: true },
            { to: 'draft', label: 'workspace.reopen', primary: false },
          ]
        : [];
    case 'locked':
      return [];
  }
}

/**
 * Submit, approve, lock and reopen, each confirmed first. With four-eyes review on, the submitter and
 * the last editor see why they cannot approve (the server refuses them too, 409 four_eyes_required).
 */
export function StatusActions({
  orgId,
  assessment,
  writer,
  reviewer,
  fourEyes,
  meId,
  lastEditor,
  answered,
  total,
  onMoved,
}: {
  orgId: string;
  assessment: Assessment;
  writer: boolean;
  reviewer: boolean;
  fourEyes: boolean;
  meId: string | null;
  lastEditor: string | null;
  answered: number;
  total: number;
  onMoved: (assessment: Assessment) => void;
}) {
  const { t } = useTranslation('assessments');
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const moves = statusMoves(assessment.status, writer, reviewer);
  if (moves.length === 0) return null;

  const self = meId !== null && (meId === assessment.statusBy || meId === lastEditor);
  const blocked = fourEyes && assessment.status === 'in_review' && self;

  const move = async (to: AssessmentStatus) => {
    const result = await api.moveAssessment(orgId, assessment.id, to);
    onMoved(result.assessment);
    notifySuccess(t('workspace.moved', { status: t(`assessments.statuses.${to}`) }));
  };
  const message = (to: AssessmentStatus): string => {
    switch (to) {
      case 'in_review':
        return [
          t('review.submitConfirm', { answered, items: total }),
          fourEyes ? t('review.submitFourEyes') : t('review.submitNoFourEyes'),
        ].join(' ');
      case 'approved':
        return [t('review.approveConfirm'), !fourEyes && self ? t('review.approveSelf') : '']
          .filter(Boolean)
          .join(' ');
      case 'locked':
        return t('workspace.lockConfirm');
      case 'draft':
        return t('review.reopenConfirm');
    }
  };
  const ask = (m: StatusMove) =>
    setConfirm({
      title: t(`review.title.${m.to}`),
      message: message(m.to),
      confirmLabel: t(m.label),
      color: m.to === 'locked' ? 'dark' : m.to === 'draft' ? 'gray' : 'indigo',
      onConfirm: () => move(m.to),
    });

  return (
    <Stack gap={4} align="flex-end" style={{ maxWidth: '100%' }}>
      <Group gap="xs" justify="flex-end">
        {moves.map((m) => (
          <Button
            key={m.to}
            variant={m.primary ? 'filled' : 'default'}
            color={m.to === 'locked' ? 'dark' : undefined}
            disabled={m.to === 'approved' && blocked}
            onClick={() => ask(m)}
          >
            {t(m.label)}
          </Button>
        ))}
      </Group>
      {blocked ? (
        <Text size="xs" c="orange.8" ta={{ base: 'left', sm: 'right' }} data-testid="four-eyes-hint">
          {t('review.blocked')}
        </Text>
      ) : fourEyes && assessment.status !== 'locked' ? (
        <Text size="xs" c="dimmed" ta={{ base: 'left', sm: 'right' }}>
          {t('review.fourEyesOn')}
        </Text>
      ) : null}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </Stack>
  );
}
