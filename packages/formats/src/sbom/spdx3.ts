import { graphRoots } from './cyclonedx.ts';
import { arr, isObj, str, type Obj } from './fields.ts';
import type { SbomProblem } from './problems.ts';
import { normalizePurlField } from './purl-field.ts';
import type { NormalizedSbom, SbomComponent, SbomDependency } from './types.ts';

/**
 * SPDX 3.0 JSON-LD (the serialization of spdx-context.jsonld: one `@graph` of typed elements) →
 * NormalizedSbom. Packages (`software_Package`) become components; `dependsOn`/`contains`/link
 * relationships the graph (development and test scopes mark dev); the `software_Sbom` (or the
 * document's) `rootElement` the roots; concluded or declared license relationships the licenses. No
 * SPDX 3 JSON schema is bundled: the graph is read structurally, as the CycloneDX XML is.
 */
const FORWARD = new Set([
  'dependsOn',
  'contains',
  'hasDynamicLink',
  'hasStaticLink',
  'hasPrerequisite',
  'hasProvidedDependency',
  'hasOptionalDependency',
]);
const DEV_SCOPES = new Set(['development', 'test', 'build']);

export function isSpdx3(doc: Obj): boolean {
  const ctx = doc['@context'];
  const contexts = Array.isArray(ctx) ? ctx : [ctx];
  return contexts.some((c) => typeof c === 'string' && /spdx\.org\/rdf\/3\./u.test(c));
}

/** The SPDX 3 version the context names ("3.0.1"), or "3.0". */
function versionOf(doc: Obj, graph: readonly unknown[]): string {
  const info = graph.find((e) => isObj(e) && e.type === 'CreationInfo');
  const v = isObj(info) ? str(info.specVersion) : null;
  if (v) return v;
  const ctx = JSON.stringify(doc['@context'] ?? '');
  return /rdf\/(3\.\d+(?:\.\d+)?)/u.exec(ctx)?.[1] ?? '3.0';
}

const idOf = (e: Obj): string | null => str(e.spdxId) ?? str(e['@id']);
const ids = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).flatMap((x) =>
    typeof x === 'string' ? [x] : isObj(x) && idOf(x) ? [idOf(x)!] : [],
  );

/** A license element → an SPDX expression: an expression's text, or a listed license's id. */
function licenseText(e: Obj | undefined): string | null {
  if (!e) return null;
  const expression = str(e.simplelicensing_licenseExpression);
  if (expression) return expression;
  const id = idOf(e);
  const listed = id ? /\/licenses\/([^/]+)$/u.exec(id)?.[1] : undefined;
  return listed ?? str(e.name);
}

export function readSpdx3(doc: Obj, warnings: SbomProblem[]): NormalizedSbom | SbomProblem {
  const graph = doc['@graph'];
  if (!Array.isArray(graph)) return { code: 'schema_required', pointer: '', params: { property: '@graph' } };
  const byId = new Map<string, Obj>();
  graph.forEach((e) => {
    if (isObj(e) && idOf(e)) byId.set(idOf(e)!, e);
  });
  const components: SbomComponent[] = [];
  const byRef = new Map<string, SbomComponent>();
  graph.forEach((e, i) => {
    if (!isObj(e) || e.type !== 'software_Package') return;
    const pointer = `/@graph/${i}`;
    const externalPurl = arr(e.externalIdentifier).find(
      (x) => isObj(x) && x.externalIdentifierType === 'packageUrl',
    );
    const rawPurl = e.software_packageUrl ?? (isObj(externalPurl) ? externalPurl.identifier : undefined);
    const purl = normalizePurlField(rawPurl, `${pointer}/software_packageUrl`, warnings);
    const supplier = byId.get(str(e.suppliedBy) ?? (isObj(e.suppliedBy) ? (idOf(e.suppliedBy) ?? '') : ''));
    const c: SbomComponent = {
      bomRef: idOf(e) ?? pointer,
      name: str(e.name) ?? '',
      version: str(e.software_packageVersion),
      purl,
      ...(purl === null && rawPurl !== undefined ? { purlInvalid: true } : {}),
      type: (str(e.software_primaryPurpose) ?? 'library').toLowerCase(),
      supplier: supplier ? str(supplier.name) : null,
      licenses: null,
      hashes: arr(e.verifiedUsing).flatMap((h) =>
        isObj(h) && str(h.algorithm) && str(h.hashValue)
          ? [{ alg: String(h.algorithm).toUpperCase(), value: String(h.hashValue) }]
          : [],
      ),
      scope: null,
      dev: false,
    };
    if (byRef.has(c.bomRef)) {
      warnings.push({ code: 'duplicate_ref', pointer: `${pointer}/spdxId`, params: { value: c.bomRef } });
      return;
    }
    byRef.set(c.bomRef, c);
    components.push(c);
  });
  const edges = new Map<string, string[]>();
  const declared = new Map<string, string>();
  for (const e of graph) {
    if (!isObj(e) || (e.type !== 'Relationship' && e.type !== 'LifecycleScopedRelationship')) continue;
    const from = str(e.from) ?? (isObj(e.from) ? idOf(e.from) : null);
    const type = str(e.relationshipType);
    if (from === null || type === null) continue;
    const to = ids(e.to);
    if (type === 'hasConcludedLicense' || type === 'hasDeclaredLicense') {
      const text = licenseText(byId.get(to[0] ?? ''));
      const c = byRef.get(from);
      if (c && text) {
        if (type === 'hasConcludedLicense') c.licenses = text;
        else declared.set(from, text);
      }
      continue;
    }
    if (!FORWARD.has(type)) continue;
    const list = edges.get(from) ?? [];
    for (const t of to) if (!list.includes(t)) list.push(t);
    edges.set(from, list);
    if (DEV_SCOPES.has(str(e.scope) ?? '')) for (const t of to) if (byRef.has(t)) byRef.get(t)!.dev = true;
  }
  for (const [ref, text] of declared) {
    const c = byRef.get(ref);
    if (c && c.licenses === null) c.licenses = text;
  }
  const dependencies: SbomDependency[] = [...edges].map(([from, to]) => ({ from, to }));
  const elements: unknown[] = graph;
  const sbomElement = elements.find((e) => isObj(e) && e.type === 'software_Sbom');
  const documentElement = elements.find((e) => isObj(e) && e.type === 'SpdxDocument');
  const roots = ids(
    isObj(sbomElement) ? sbomElement.rootElement : isObj(documentElement) ? documentElement.rootElement : [],
  ).filter((r) => byRef.has(r));
  const first = roots.length === 1 ? byRef.get(roots[0]!) : undefined;
  return {
    format: 'spdx',
    specVersion: versionOf(doc, graph),
    name: isObj(documentElement) ? str(documentElement.name) : null,
    version: first?.version ?? null,
    components,
    dependencies,
    rootRefs: roots.length > 0 ? roots : graphRoots(dependencies),
  };
}
