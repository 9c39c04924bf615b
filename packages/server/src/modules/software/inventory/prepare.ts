import type { SoftwareComponentRow, SoftwareReleaseRow } from '@shinrai/store';
import { parseSbom, type NormalizedSbom, type SbomProblem } from '@shinrai/formats/sbom';
import { componentRows } from './component-rows.ts';
import { shortestPaths } from './paths.ts';

/** Rows per chunk handed from the worker to the request: each is parsed on its own turn of the event loop. */
export const CHUNK_ROWS = 5_000;

export type PreparedSbom =
  | {
      ok: true;
      format: string;
      specVersion: string;
      /** The graph kept with the release (for paths and exports), as stored. */
      graph: string;
      count: number;
      /** JSON arrays of `[component row, dependency path]`, CHUNK_ROWS at a time. */
      chunks: string[];
      warnings: SbomProblem[];
    }
  | { ok: false; problems: SbomProblem[] };

export type PreparedComponent = [SoftwareComponentRow, string[]];

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
  const pathOf = shortestPaths(sbom);
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS)
    chunks.push(
      JSON.stringify(rows.slice(i, i + CHUNK_ROWS).map((r): PreparedComponent => [r, pathOf(r.bom_ref)])),
    );
  return {
    ok: true,
    format: sbom.format,
    specVersion: sbom.specVersion,
    graph: graphJson(sbom),
    count: rows.length,
    chunks,
    warnings,
  };
}
