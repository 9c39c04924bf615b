import { Text } from '@mantine/core';
import type { SecurityActionLevel } from '../../../api/types';

/** ★ / ★★ of a SECURITY ACTION level (☆ when none yet); decorative, the level is written next to it. */
export function Stars({ level, size = 20 }: { level: SecurityActionLevel; size?: number }) {
  const text = level === 'star2' ? '★★' : level === 'star1' ? '★' : '☆';
  return (
    <Text span fz={size} lh={1} c={level === 'none' ? 'gray.5' : 'yellow.6'} aria-hidden>
      {text}
    </Text>
  );
}
