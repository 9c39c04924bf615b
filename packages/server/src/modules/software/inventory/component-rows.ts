// Deep imports (not the @shinrai/core and @shinrai/store barrels): `sbom scan` loads this file, and its
// start-up time is the cost of every module it pulls in.
import type { SoftwareComponentRow, SoftwareReleaseRow } from '@shinrai/store';
import { orderedId } from './ids.ts';
import { osvPackageOf } from '@shinrai/core/software/match';
import { purlKey } from '@shinrai/core/software/purl';
import { parsePurl } from '@shinrai/core/software/purl';
import { purlPartsOf, type NormalizedSbom } from '@shinrai/formats/sbom';

/** Component rows of a parsed BOM: purls normalized once, OSV package worked out where there is one. */
export function componentRows(
  sbom: NormalizedSbom,
  release: Pick<SoftwareReleaseRow, 'id' | 'org_id'>,
): SoftwareComponentRow[] {
  return sbom.components.map((c, i) => {
    // Parsed once: normalization kept the parts of the purl it made canonical (same thread only).
    let purl = c.purl === null ? null : (purlPartsOf(sbom.components, i) ?? null);
    if (purl === null && c.purl !== null) {
      const parsed = parsePurl(c.purl);
      purl = parsed.ok ? parsed.purl : null;
    }
    const pkg = purl ? osvPackageOf(purl) : undefined;
    return {
      id: orderedId(),
      org_id: release.org_id,
      release_id: release.id,
      bom_ref: c.bomRef,
      name: c.name,
      version: c.version,
      purl: c.purl,
      purl_key: purl ? purlKey(purl) : null,
      ecosystem: pkg?.ecosystem ?? null,
      osv_name: pkg?.name ?? null,
      licenses: c.licenses,
      hashes: JSON.stringify(c.hashes),
      supplier: c.supplier,
      dev: c.dev ? 1 : 0,
      support_ends: null,
    };
  });
}
