import type { SoftwareComponentRow, SoftwareReleaseRow } from '@shinrai/store';
import {
  parseSbom,
  type NormalizedSbom,
  type ParseSbomOptions,
  type SbomProblem,
} from '@shinrai/formats/sbom';
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
      /** UTF-8 JSON arrays of component rows, CHUNK_ROWS at a time (moved, not copied, across threads). */
      chunks: Uint8Array[];
      /**
       * UTF-8 JSON arrays of `[bom-ref, parent bom-ref | null, label]` for every bom-ref a root reaches
       * (paths.ts: one shortest path each), in chunks.
       */
      tree: Uint8Array[];
      warnings: SbomProblem[];
    }
  | { ok: false; problems: SbomProblem[] };

/** Notes kept with a release's graph (like the reading's warnings). */
export const MAX_KEPT_NOTES = 500;

/**
 * The graph with the matcher's "cannot evaluate" notes (first 500) in place of the previous ones; the
 * notes are recomputed at every match, the reading's warnings stay as they were.
 */
export function withMatchNotes(graph: string | null, notes: readonly SbomProblem[]): string {
  const g = JSON.parse(graph ?? '{"rootRefs":[],"dependencies":[]}') as Record<string, unknown>;
  return JSON.stringify({ ...g, matchNotes: notes.slice(0, MAX_KEPT_NOTES) });
}

/** The reading's warnings and the matcher's notes kept with a release's graph. */
export function keptWarnings(graph: string | null): SbomProblem[] {
  const g = JSON.parse(graph ?? '{}') as { warnings?: SbomProblem[]; matchNotes?: SbomProblem[] };
  return [...(g.warnings ?? []), ...(g.matchNotes ?? [])];
}

/** The graph kept with the release (for paths and exports). */
export function graphJson(sbom: NormalizedSbom, warnings: readonly SbomProblem[] = []): string {
  return JSON.stringify({
    name: sbom.name,
    rootRefs: sbom.rootRefs,
    dependencies: sbom.dependencies,
    // What VEX statements name the BOM and its product by.
    serialNumber: sbom.serialNumber ?? null,
    bomVersion: sbom.bomVersion ?? null,
    rootPurl: sbom.rootPurl ?? null,
    // The reading's warnings (first 500), shown with the components until the next SBOM.
    warnings: warnings.slice(0, MAX_KEPT_NOTES),
  });
}

/**
 * The pure part of an SBOM upload, run in a worker thread: parse and validate, component rows (purls
 * normalized, ids given) and the parents on shortest dependency paths. The result crosses to the
 * request thread as UTF-8 JSON chunks whose memory is transferred (no copy, nothing to deserialize),
 * and the request parses one chunk per event-loop turn, so taking it in never holds the loop for long.
 */
export function prepareSbom(
  bytes: Buffer,
  filename: string,
  release: Pick<SoftwareReleaseRow, 'id' | 'org_id'>,
  options: ParseSbomOptions = {},
): PreparedSbom {
  const parsed = parseSbom(bytes, filename, options);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { sbom, warnings } = parsed;
  const rows = componentRows(sbom, release);
  const utf8 = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS)
    chunks.push(utf8.encode(JSON.stringify(rows.slice(i, i + CHUNK_ROWS))));
  const labels = pathLabels(sbom);
  const nodes = [...shortestParents(sbom)].map(([ref, parent]) => [ref, parent, labels.get(ref) ?? ref]);
  const tree: Uint8Array[] = [];
  for (let i = 0; i < nodes.length; i += CHUNK_ROWS)
    tree.push(utf8.encode(JSON.stringify(nodes.slice(i, i + CHUNK_ROWS))));
  return {
    ok: true,
    format: sbom.format,
    specVersion: sbom.specVersion,
    graph: graphJson(sbom, warnings),
    count: rows.length,
    chunks,
    tree,
    warnings,
  };
}
