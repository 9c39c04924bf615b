import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ThreatRow } from '../api';

const COLORS: Record<ThreatRow['movement'], string> = {
  new: 'red',
  up: 'orange',
  down: 'teal',
  same: 'gray',
  returning: 'grape',
  unknown: 'gray',
};

/** How a threat moved since the year before, as a badge. */
export function Movement({ row }: { row: Pick<ThreatRow, 'movement' | 'previousRank' | 'previousYear'> }) {
  const { t } = useTranslation('threats');
  const label =
    row.movement === 'up' || row.movement === 'down'
      ? t(`threats.movement.${row.movement}`, { from: row.previousRank })
      : row.movement === 'returning' && row.previousRank !== null
        ? t('threats.movement.returningFrom', { from: row.previousRank, year: row.previousYear })
        : t(`threats.movement.${row.movement}`);
  if (row.movement === 'unknown') return <span aria-label={label}>—</span>;
  return (
    <Badge color={COLORS[row.movement]} variant={row.movement === 'new' ? 'filled' : 'light'} radius="sm">
      {label}
    </Badge>
  );
}
