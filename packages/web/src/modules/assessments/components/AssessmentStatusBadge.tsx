import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssessmentStatus } from '../../../api/types';

const colors: Record<AssessmentStatus, string> = {
  draft: 'gray',
  in_review: 'yellow',
  approved: 'teal',
  locked: 'indigo',
};

export function AssessmentStatusBadge({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation('assessments');
  return (
    <Badge variant="light" color={colors[status]} style={{ flexShrink: 0 }}>
      {t(`assessments.statuses.${status}`)}
    </Badge>
  );
}
