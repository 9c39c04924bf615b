import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

export type StatusTone = 'pending' | 'ok' | 'muted' | 'bad';

const colors: Record<StatusTone, string> = { pending: 'yellow', ok: 'teal', muted: 'gray', bad: 'red' };

export function StatusBadge({ tone, children }: { tone: StatusTone; children: ReactNode }) {
  return (
    <Badge variant="dot" color={colors[tone]}>
      {children}
    </Badge>
  );
}
