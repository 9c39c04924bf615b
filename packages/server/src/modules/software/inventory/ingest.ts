import {
  findSoftwareProduct,
  replaceSoftwareSbom,
  type SoftwareFindingRow,
  type SoftwareReleaseRow,
} from '@shinrai/store';
import type { Deps } from '../../../platform/deps.ts';
import { audit, type Actor } from '../../../platform/services/audit-trail.ts';
import {
  parseSbom,
  type NormalizedSbom,
  type ParseSbomOptions,
  type SbomProblem,
} from '@shinrai/formats/sbom';
import { componentRows } from './component-rows.ts';
import { matchComponents } from './match.ts';
import { alertFindings } from './notify.ts';
import { shortestPaths } from './paths.ts';

export { componentRows };

export type IngestResult =
  | { ok: true; findings: number; malicious: number; components: number; warnings: SbomProblem[] }
  | { ok: false; problems: SbomProblem[] };

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
    warnings: warnings.slice(0, 500),
  });
}

/**
 * Reads an SBOM and makes it the release's SBOM: components, graph and findings are written in one
 * transaction (a bad file writes nothing), then a malicious package raises an alert at once.
 */
export async function ingestSbom(
  deps: Deps,
  release: SoftwareReleaseRow,
  bytes: Buffer,
  filename: string,
  actor: Actor,
  options: ParseSbomOptions = {},
): Promise<IngestResult> {
  const parsed = parseSbom(bytes, filename, options);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { sbom, warnings } = parsed;
  const now = deps.now();
  const components = componentRows(sbom, release);
  const pathOf = shortestPaths(sbom);
  const byId = new Map(components.map((c) => [c.id, c]));
  const db = deps.store.db;
  let findings: SoftwareFindingRow[] = [];
  await db.transaction().execute(async (trx) => {
    findings = await matchComponents(trx, components, (c) => pathOf(c.bom_ref), now);
    await replaceSoftwareSbom(
      trx,
      {
        id: release.id,
        org_id: release.org_id,
        sbom_format: sbom.format,
        sbom_spec_version: sbom.specVersion,
        sbom_uploaded_at: now.toISOString(),
        component_count: components.length,
        graph: graphJson(sbom, warnings),
      },
      components,
      findings,
    );
    await audit(
      deps,
      trx,
      actor,
      release.org_id,
      'software.sbom.upload',
      { type: 'software_release', id: release.id },
      { file: filename, format: sbom.format, components: components.length, findings: findings.length },
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
        const c = byId.get(f.component_id);
        return { ...f, componentName: c?.name ?? '', componentVersion: c?.version ?? null };
      }),
    );
  }
  return {
    ok: true,
    findings: findings.length,
    malicious: malicious.length,
    components: components.length,
    warnings,
  };
}
