import type { JobStatus } from '@shinrai/core';
import type { JobRow } from '@shinrai/store';

export function jobView(j: JobRow) {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status as JobStatus,
    progress: { current: j.progress_current, total: j.progress_total },
    result: j.result === null ? null : (JSON.parse(j.result) as unknown),
    error: j.last_error,
    createdAt: j.created_at,
    updatedAt: j.updated_at,
  };
}
