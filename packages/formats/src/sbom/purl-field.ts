// Deep imports, not the @shinrai/core barrel: `sbom scan` loads this file (start-up time).
import { formatPurl } from '@shinrai/core/software/purl';
import { parsePurl } from '@shinrai/core/software/purl';
import type { SbomProblem } from './problems.ts';

/** Normalizes a purl from a BOM; an invalid one becomes a located warning and null. */
export function normalizePurlField(value: unknown, pointer: string, warnings: SbomProblem[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  const r = parsePurl(value);
  if (r.ok) return formatPurl(r.purl);
  warnings.push({
    code: 'invalid_purl',
    pointer,
    params: {
      value: (typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 200),
      reason: r.reason,
    },
  });
  return null;
}
