import type { SoftwareComponentRow, SoftwareReleaseRow } from '@shinrai/store';
import { parseSbom, type NormalizedSbom, type SbomProblem } from '@shinrai/formats/sbom';
import { componentRows } from './component-rows.ts';
import { pathLabels, shortestParents } from './paths.ts';

/** Rows per chunk handed from the worker to the request: each is parsed on its own turn of the event loop. */
export const CHUNK_ROWS = 5_000;

export type { SoftwareComponentRow };

export type PreparedSbom =
  | {
      ok: true;
      format: string;
      specVersion: string;
      /** The graph kept with the release (for paths and exports), as stored. */
      graph: string;
      count: number;
      /** JSON arrays of component rows, CHUNK_ROWS at a time. */
      chunks: string[];
      /** JSON arrays of `[bom-ref, parent bom-ref | null]` on shortest paths (paths.ts), in chunks. */
      parents: string[];
      /** Labels of roots that are no component (the BOM's own name). */
      rootLabels: [string, string][];
      warnings: SbomProblem[];
    }
  | { ok: false; problems: SbomProblem[] };

/** The graph kept with the release (for paths and exports). */
export function graphJson(sbom: NormalizedSbom): string {
  return JSON.stringify({ name: sbom.name, rootRefs: sbom.rootRefs, dependencies: sbom.dependencies });
}

/**
 * The pure part of an SBOM upload, run in a worker thread: parse and validate, component rows (purls
 * normalized, ids given) and each component's shortest dependency path. The result crosses to the
 * request thread as JSON strings in chunks, so taking it in never holds the event loop for long.
 */
export function prepareSbom(
  bytes: Buffer,
  filename: string,
  release: Pick<SoftwareReleaseRow, 'id' | 'org_id'>,
): PreparedSbom {
  const parsed = parseSbom(bytes, filename);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { sbom, warnings } = parsed;
  const rows = componentRows(sbom, release);
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS)
    chunks.push(JSON.stringify(rows.slice(i, i + CHUNK_ROWS)));
  const pairs = [...shortestParents(sbom)];
  const parents: string[] = [];
  for (let i = 0; i < pairs.length; i += CHUNK_ROWS * 4)
    parents.push(JSON.stringify(pairs.slice(i, i + CHUNK_ROWS * 4)));
  const componentRefs = new Set(sbom.components.map((c) => c.bomRef));
  const rootLabels = [...pathLabels(sbom)].filter(([ref]) => !componentRefs.has(ref));
  return {
    ok: true,
    format: sbom.format,
    specVersion: sbom.specVersion,
    graph: graphJson(sbom),
    count: rows.length,
    chunks,
    parents,
    rootLabels,
    warnings,
  };
}
