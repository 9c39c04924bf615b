import {
  findSoftwareProduct,
  insertSoftwareComponents,
  insertSoftwareFindings,
  replaceSoftwareSbom,
  updateSoftwareReleaseGraph,
  type SoftwareFindingRow,
  type SoftwareReleaseRow,
} from '@shinrai/store';
import type { SoftwareComponentRow } from '@shinrai/store';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Deps } from '../../../platform/deps.ts';
import { audit, type Actor } from '../../../platform/services/audit-trail.ts';
import { WorkerMemoryError, workers } from '../../../platform/workers/pool.ts';
import type { ParseSbomOptions, SbomProblem } from '@shinrai/formats/sbom';
import { componentRows } from './component-rows.ts';
import { enqueueReleaseKeys } from './keys-job.ts';
import { matchComponentsWithNotes } from './match.ts';
import { alertFindings } from './notify.ts';
import { pathsFrom } from './paths.ts';

export { componentRows };

export type IngestResult =
  | { ok: true; findings: number; malicious: number; components: number; warnings: SbomProblem[] }
  | { ok: false; problems: SbomProblem[] };

export { graphJson } from './prepare.ts';
import { withMatchNotes } from './prepare.ts';

/**
 * Reads an SBOM and makes it the release's SBOM: components, graph and findings are written in one
 * transaction (a bad file writes nothing), then a malicious package raises an alert at once. Parsing,
 * validation, component rows and paths run in a worker thread (prepare.ts); the rows come back in chunks
 * taken in one per event-loop turn, and the store writes them in batches that yield between them.
 */
export async function ingestSbom(
  deps: Deps,
  release: SoftwareReleaseRow,
  bytes: Buffer,
  filename: string,
  actor: Actor,
  options: ParseSbomOptions = {},
): Promise<IngestResult> {
  let prepared;
  try {
    prepared = await workers().run(
      'software.sbom',
      bytes,
      filename,
      {
        id: release.id,
        org_id: release.org_id,
      },
      options,
    );
  } catch (err) {
    if (!(err instanceof WorkerMemoryError)) throw err;
    return { ok: false, problems: [{ code: 'out_of_memory', params: { limit: err.limitMb } }] };
  }
  if (!prepared.ok) return { ok: false, problems: prepared.problems };
  const { warnings } = prepared;
  const utf8 = new TextDecoder();
  // The dependency tree first (one chunk per event-loop turn: other requests are answered between).
  const parents = new Map<string, string | null>();
  const labels = new Map<string, string>();
  for (const chunk of prepared.tree) {
    await nextTurn();
    for (const [ref, parent, label] of JSON.parse(utf8.decode(chunk)) as [string, string | null, string][]) {
      parents.set(ref, parent);
      labels.set(ref, label);
    }
  }
  const pathOf = pathsFrom(parents, labels);
  const now = deps.now();
  const db = deps.store.db;
  const findings: SoftwareFindingRow[] = [];
  /** Advisories that name a component's package but could not be evaluated for its version. */
  const notes: SbomProblem[] = [];
  /** Name and version of the components that have findings (for the alert). */
  const found = new Map<string, { name: string; version: string | null }>();
  // One transaction, all or nothing; the components go in chunk by chunk (parse, match, insert), so the
  // request never holds 300,000 rows nor the event loop at once.
  await db.transaction().execute(async (trx) => {
    await replaceSoftwareSbom(
      trx,
      {
        id: release.id,
        org_id: release.org_id,
        sbom_format: prepared.format,
        sbom_spec_version: prepared.specVersion,
        sbom_uploaded_at: now.toISOString(),
        component_count: prepared.count,
        graph: prepared.graph,
      },
      [],
      [],
    );
    await enqueueReleaseKeys(trx, release, now.toISOString());
    for (const chunk of prepared.chunks) {
      await nextTurn();
      const rows = JSON.parse(utf8.decode(chunk)) as SoftwareComponentRow[];
      const byId = new Map(rows.map((c) => [c.id, c]));
      const matched = await matchComponentsWithNotes(
        trx,
        rows,
        (c) => (parents.has(c.bom_ref) ? pathOf(c.bom_ref) : [c.name]),
        now,
        { directory: db },
      );
      notes.push(...matched.notes);
      for (const f of matched.findings) {
        const c = byId.get(f.component_id);
        if (c) found.set(c.id, { name: c.name, version: c.version });
        findings.push(f);
      }
      await insertSoftwareComponents(trx, rows);
    }
    await insertSoftwareFindings(trx, findings);
    if (notes.length > 0)
      await updateSoftwareReleaseGraph(
        trx,
        release.org_id,
        release.id,
        withMatchNotes(prepared.graph, notes),
      );
    await audit(
      deps,
      trx,
      actor,
      release.org_id,
      'software.sbom.upload',
      { type: 'software_release', id: release.id },
      { file: filename, format: prepared.format, components: prepared.count, findings: findings.length },
    );
  });
  const malicious = findings.filter((f) => f.malicious === 1);
  if (malicious.length > 0) {
    const product = await findSoftwareProduct(db, release.org_id, release.product_id);
    await alertFindings(
      deps,
      {
        orgId: release.org_id,
        productName: product?.name ?? '',
        releaseId: release.id,
        releaseVersion: release.version,
      },
      'malicious',
      malicious.map((f) => {
        const c = found.get(f.component_id);
        return { ...f, componentName: c?.name ?? '', componentVersion: c?.version ?? null };
      }),
    );
  }
  return {
    ok: true,
    findings: findings.length,
    malicious: malicious.length,
    components: prepared.count,
    warnings: [...warnings, ...notes],
  };
}
