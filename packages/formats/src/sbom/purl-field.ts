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
 * The parsed purls of a list of components normalized in this thread (by position), so that the
 * component rows do not parse each purl text a second time. Parsing the canonical text gives the same
 * parts (checked over the purl-spec cases in purl-field.test.ts). One entry per list, not per component
 * (cheaper), and not part of the components: it does not cross a worker or JSON.
 */
const partsOf = new WeakMap<
  readonly SbomComponent[],
  { parts: (PackageUrl | null)[]; texts: (string | null)[] }
>();

/** Notes that `components[i].purl` is `texts[i]`, the text of `parts[i]` (`formatPurl`). */
export function rememberPurlParts(
  components: readonly SbomComponent[],
  parts: (PackageUrl | null)[],
  texts: (string | null)[],
): void {
  partsOf.set(components, { parts, texts });
}

/** The parsed purl of `components[i]` when this thread normalized the list and that purl is unchanged since. */
export function purlPartsOf(components: readonly SbomComponent[], i: number): PackageUrl | undefined {
  const kept = partsOf.get(components);
  const purl = components[i]?.purl;
  if (kept === undefined || purl === null || purl === undefined || kept.texts[i] !== purl) return undefined;
  return kept.parts[i] ?? undefined;
}
