import { ApiError } from '../api/client';

/**
 * Field errors from a server error: `validation_failed` details carry JSON pointers
 * (e.g. `/organization/corporateNumber`), other codes name one field (e.g. `slug_taken`).
 * `fields` maps a pointer or an error code to the form's field name.
 */
export function serverFieldErrors<F extends string>(
  error: unknown,
  fields: Partial<Record<string, F>>,
): Partial<Record<F, string>> {
  const found: Partial<Record<F, string>> = {};
  if (!(error instanceof ApiError)) return found;
  const byCode = fields[error.code];
  if (byCode) found[byCode] = error.message;
  if (error.code === 'validation_failed' && Array.isArray(error.details)) {
    for (const detail of error.details as unknown[]) {
      if (typeof detail !== 'object' || detail === null) continue;
      const { pointer, message } = detail as { pointer?: unknown; message?: unknown };
      if (typeof pointer !== 'string') continue;
      const field = fields[pointer];
      if (field && !found[field])
        found[field] = typeof message === 'string' && message ? message : error.message;
    }
  }
  return found;
}
