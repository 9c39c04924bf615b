// Deep imports, not the @shinrai/core barrel: `sbom scan` loads this file (start-up time).
import { osvPackageOf } from '@shinrai/core/software/match';
import { buildPurl, formatPurl, parsePurl } from '@shinrai/core/software/purl';
import { parseVersion } from '@shinrai/core/software/versions';
import type { SbomProblem } from './problems.ts';
import { purlPartsOf } from './purl-field.ts';
import type { NormalizedSbom, SbomComponent } from './types.ts';

/**
 * Go toolchain spellings (`go1.20.5`, `go1.21`, `go1.21rc2`) as the Go vulnerability database writes
 * them (`1.20.5`, `1.21.0`, `1.21.0-rc.2`). syft names the standard library `version: go1.20.5`,
 * `pkg:golang/stdlib@1.20.5`; trivy `v1.20.5`; cyclonedx-gomod names it `std` (`pkg:golang/std@go1.20.4`,
 * CycloneDX/cyclonedx-gomod#587); all must match alike.
 */
export function goToolchainVersion(v: string): string | null {
  const m = /^go(\d+)\.(\d+)(?:\.(\d+))?(?:(beta|rc)(\d+))?$/u.exec(v);
  if (!m) return null;
  const base = `${m[1]}.${m[2]}.${m[3] ?? '0'}`;
  return m[4] ? `${base}-${m[4]}.${m[5]}` : base;
}

const GO_TOOLCHAIN = new Set(['stdlib', 'std', 'toolchain']);

function label(c: SbomComponent): string {
  const name = c.name || c.bomRef;
  return c.version ? `${name}@${c.version}` : name;
}

/** Types of component that are not packages (no advisory database is expected to know them). */
const NOT_PACKAGES = new Set([
  'application',
  'operating-system',
  'file',
  'container',
  'device',
  'firmware',
  'data',
  'machine-learning-model',
  'platform',
  'device-driver',
  'cryptographic-asset',
]);

/**
 * Makes generator conventions matchable and says which components cannot be matched: the Go standard
 * library's `go1.x` versions are read as Go writes them, a component without a version takes its
 * purl's, and each package without a purl, with a purl type no advisory database covers, or with a
 * version its ecosystem cannot read gets a warning (located by the component).
 */
export function applyConventions(sbom: NormalizedSbom, warnings: SbomProblem[]): void {
  const roots = new Set(sbom.rootRefs);
  const list = sbom.components;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as SbomComponent;
    // The parts normalization kept (purl-field.ts), else the text parsed again.
    let purl = c.purl === null ? null : (purlPartsOf(list, i) ?? null);
    if (purl === null && c.purl !== null) {
      const parsed = parsePurl(c.purl);
      purl = parsed.ok ? parsed.purl : null;
    }
    if (purl && purl.type === 'golang' && purl.namespace === null && GO_TOOLCHAIN.has(purl.name)) {
      const fromVersion = c.version === null ? null : goToolchainVersion(c.version);
      const fromPurl = purl.version === null ? null : goToolchainVersion(purl.version);
      if (fromVersion !== null) {
        warnings.push({
          code: 'version_normalized',
          component: label(c),
          params: { component: label(c), value: c.version ?? '', normalized: fromVersion },
        });
        c.version = fromVersion;
      }
      // The Go vulnerability database files the standard library under `stdlib`, never `std`.
      const name = purl.name === 'std' ? 'stdlib' : purl.name;
      if (fromPurl !== null || name !== purl.name) {
        const rebuilt = buildPurl({ ...purl, name, version: fromPurl ?? purl.version });
        if (rebuilt.ok) c.purl = formatPurl(rebuilt.purl);
      }
    }
    if (c.version === null && purl?.version) c.version = purl.version;
    if (roots.has(c.bomRef) || NOT_PACKAGES.has(c.type)) continue;
    if (c.purl === null) {
      if (c.purlInvalid === true) continue;
      warnings.push({ code: 'no_purl', component: label(c), params: { component: label(c) } });
      continue;
    }
    if (!purl) continue;
    const pkg = osvPackageOf(purl);
    if (!pkg) {
      warnings.push({
        code: 'unmatched_type',
        component: label(c),
        params: { component: label(c), type: purl.type },
      });
      continue;
    }
    if (c.version === null || c.version === '') {
      warnings.push({ code: 'no_version', component: label(c), params: { component: label(c) } });
      continue;
    }
    const v = parseVersion(pkg.ecosystem, c.version);
    if (!v.ok)
      warnings.push({
        code: 'unreadable_version',
        component: label(c),
        params: { component: label(c), value: c.version, ecosystem: pkg.ecosystem },
      });
  }
}
