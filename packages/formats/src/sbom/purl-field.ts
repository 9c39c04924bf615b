// Deep imports, not the @shinrai/core barrel: `sbom scan` loads this file (start-up time).
import { formatPurl } from '@shinrai/core/software/purl';
import { parsePurl } from '@shinrai/core/software/purl';
import type { PackageUrl } from '@shinrai/core/software/purl';
import type { SbomProblem } from './problems.ts';
import type { SbomComponent } from './types.ts';

/** Normalizes a purl from a BOM; an invalid one becomes a located warning and null. */
export function normalizePurlField(value: unknown, pointer: string, warnings: SbomProblem[]): string | null {
  const parts = normalizePurlParts(value, pointer, warnings);
  return parts === null ? null : formatPurl(parts);
}

/** As normalizePurlField, the parsed purl instead of its text (`formatPurl` gives the text). */
export function normalizePurlParts(
  value: unknown,
  pointer: string,
  warnings: SbomProblem[],
): PackageUrl | null {
  if (value === undefined || value === null || value === '') return null;
  const r = parsePurl(value);
  if (r.ok) return r.purl;
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

/**
 * The parsed purl of components normalized in this thread, so that the component rows do not parse
 * their purl text a second time. Parsing the canonical text gives the same parts (checked over the
 * purl-spec cases in purl-field.test.ts). Not part of the component: it does not cross a worker or JSON.
 */
const partsOf = new WeakMap<SbomComponent, { parts: PackageUrl; text: string }>();

/** Notes that `component.purl` is the text of `parts` (`formatPurl(parts)`). */
export function rememberPurlParts(component: SbomComponent, parts: PackageUrl | null): void {
  if (parts !== null && component.purl !== null) partsOf.set(component, { parts, text: component.purl });
}

/** The parsed purl of `component` when this thread normalized it and its purl is unchanged since. */
export function purlPartsOf(component: SbomComponent): PackageUrl | undefined {
  const kept = partsOf.get(component);
  return kept !== undefined && kept.text === component.purl ? kept.parts : undefined;
}
