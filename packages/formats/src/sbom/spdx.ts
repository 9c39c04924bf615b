import { graphRoots } from './cyclonedx.ts';
import { arr, isObj, str, type Obj } from './fields.ts';
import type { SbomProblem } from './problems.ts';
import { normalizePurlField } from './purl-field.ts';
import type { NormalizedSbom, SbomComponent } from './types.ts';

/** Relationship types whose element depends on (or contains) the related element. */
const FORWARD = new Set(['DEPENDS_ON', 'CONTAINS', 'DYNAMIC_LINK', 'STATIC_LINK', 'HAS_PREREQUISITE']);
/** `X_OF` relationships point the other way: the related element depends on the element. */
const REVERSE = new Set([
  'DEPENDENCY_OF',
  'DEV_DEPENDENCY_OF',
  'BUILD_DEPENDENCY_OF',
  'RUNTIME_DEPENDENCY_OF',
  'OPTIONAL_DEPENDENCY_OF',
  'PROVIDED_DEPENDENCY_OF',
  'TEST_DEPENDENCY_OF',
  'CONTAINED_BY',
  'PREREQUISITE_FOR',
]);
const DEV = new Set(['DEV_DEPENDENCY_OF', 'TEST_DEPENDENCY_OF', 'BUILD_DEPENDENCY_OF']);

/** SPDX "NOASSERTION"/"NONE" mean the document does not say. */
function spdxValue(v: unknown): string | null {
  const s = str(v);
  return s === null || s === 'NOASSERTION' || s === 'NONE' ? null : s;
}

/** "Organization: ACME (a@b)" → "ACME". */
function supplierName(v: unknown): string | null {
  const s = spdxValue(v);
  if (s === null) return null;
  return s.replace(/^(Organization|Person|Tool):\s*/, '').replace(/\s*\([^)]*\)\s*$/, '') || null;
}

/** A schema-valid SPDX 2.3 JSON document → NormalizedSbom (packages become components). */
export function normalizeSpdx(doc: Obj, warnings: SbomProblem[]): NormalizedSbom {
  const components: SbomComponent[] = [];
  const byRef = new Map<string, SbomComponent>();
  arr(doc.packages).forEach((p, i) => {
    if (!isObj(p)) return;
    const pointer = `/packages/${i}`;
    const purlIndex = arr(p.externalRefs).findIndex((r) => isObj(r) && r.referenceType === 'purl');
    const purlRef = arr(p.externalRefs)[purlIndex];
    const c: SbomComponent = {
      bomRef: str(p.SPDXID) ?? pointer,
      name: str(p.name) ?? '',
      version: str(p.versionInfo),
      purl: isObj(purlRef)
        ? normalizePurlField(
            purlRef.referenceLocator,
            `${pointer}/externalRefs/${purlIndex}/referenceLocator`,
            warnings,
          )
        : null,
      type: (str(p.primaryPackagePurpose) ?? 'library').toLowerCase(),
      supplier: supplierName(p.supplier) ?? supplierName(p.originator),
      licenses: spdxValue(p.licenseConcluded) ?? spdxValue(p.licenseDeclared),
      hashes: arr(p.checksums).flatMap((h) =>
        isObj(h) && str(h.algorithm) && str(h.checksumValue)
          ? [{ alg: String(h.algorithm), value: String(h.checksumValue) }]
          : [],
      ),
      scope: null,
      dev: false,
    };
    if (byRef.has(c.bomRef)) {
      warnings.push({ code: 'duplicate_ref', pointer: `${pointer}/SPDXID`, params: { value: c.bomRef } });
      return;
    }
    if (c.purl === null && isObj(purlRef)) c.purlInvalid = true;
    byRef.set(c.bomRef, c);
    components.push(c);
  });

  const edges = new Map<string, string[]>();
  const addEdge = (from: string, to: string) => {
    const list = edges.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    edges.set(from, list);
  };
  const documentId = str(doc.SPDXID) ?? 'SPDXRef-DOCUMENT';
  const described = new Set(arr(doc.documentDescribes).flatMap((d) => (typeof d === 'string' ? [d] : [])));
  for (const r of arr(doc.relationships)) {
    if (!isObj(r)) continue;
    const a = str(r.spdxElementId);
    const b = str(r.relatedSpdxElement);
    const type = str(r.relationshipType);
    if (a === null || b === null || type === null) continue;
    if (type === 'DESCRIBES' && a === documentId) described.add(b);
    else if (type === 'DESCRIBED_BY' && b === documentId) described.add(a);
    else if (FORWARD.has(type)) addEdge(a, b);
    else if (REVERSE.has(type)) {
      addEdge(b, a);
      const dependent = byRef.get(a);
      if (DEV.has(type) && dependent) dependent.dev = true;
    }
  }
  const dependencies = [...edges].map(([from, to]) => ({ from, to }));
  const rootRefs = [...described];
  const first = rootRefs.length === 1 ? byRef.get(rootRefs[0] ?? '') : undefined;
  return {
    format: 'spdx',
    specVersion: String(doc.spdxVersion).replace(/^SPDX-/, ''),
    name: str(doc.name),
    version: first?.version ?? null,
    components,
    dependencies,
    rootRefs: rootRefs.length > 0 ? rootRefs : graphRoots(dependencies),
  };
}
