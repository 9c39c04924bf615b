import { arr, isObj, licenseRef, str, type Obj } from './fields.ts';
import type { SbomProblem } from './problems.ts';
import { pointerToken } from './problems.ts';
import { formatPurl, type PackageUrl } from '@shinrai/core/software/purl';
import { normalizePurlField, normalizePurlParts, rememberPurlParts } from './purl-field.ts';
import type { NormalizedSbom, SbomComponent, SbomDependency } from './types.ts';

/** CycloneDX licenses array → one SPDX expression (several entries are all required: AND). */
export function cdxLicenses(list: unknown): string | null {
  const items = arr(list);
  const parts: string[] = [];
  for (const item of items) {
    if (!isObj(item)) continue;
    const expression = str(item.expression);
    if (expression) {
      parts.push(items.length > 1 ? `(${expression})` : expression);
      continue;
    }
    const license = isObj(item.license) ? item.license : null;
    const id = str(license?.id);
    const name = str(license?.name);
    if (id) parts.push(id);
    else if (name) parts.push(licenseRef(name));
  }
  return parts.length > 0 ? parts.join(' AND ') : null;
}

function scopeOf(v: unknown): SbomComponent['scope'] {
  return v === 'required' || v === 'optional' || v === 'excluded' ? v : null;
}

/**
 * A schema-valid CycloneDX document (JSON, or XML converted to the same shape) → NormalizedSbom.
 * Nested components are walked with an explicit stack.
 */
export function normalizeCycloneDx(doc: Obj, specVersion: string, warnings: SbomProblem[]): NormalizedSbom {
  const components: SbomComponent[] = [];
  /** The parsed purl of each component, for its row (purl-field.ts). */
  const purlParts: (PackageUrl | null)[] = [];
  const purlTexts: (string | null)[] = [];
  const refs = new Set<string>();
  const metadata = isObj(doc.metadata) ? doc.metadata : {};
  const root = isObj(metadata.component) ? metadata.component : null;

  const claimRef = (wanted: string | null, pointer: string): string => {
    if (wanted !== null && !refs.has(wanted)) {
      refs.add(wanted);
      return wanted;
    }
    if (wanted !== null)
      warnings.push({ code: 'duplicate_ref', pointer: `${pointer}/bom-ref`, params: { value: wanted } });
    let generated = pointer;
    for (let n = 2; refs.has(generated); n++) generated = `${pointer}#${n}`;
    refs.add(generated);
    return generated;
  };

  const rootRefs: string[] = [];
  const stack: [unknown, string][] = [];
  if (root) {
    rootRefs.push(claimRef(str(root['bom-ref']), '/metadata/component'));
    arr(root.components).forEach((c, i) => stack.push([c, `/metadata/component/components/${i}`]));
  }
  arr(doc.components).forEach((c, i) => stack.push([c, `/components/${i}`]));
  stack.reverse();

  while (stack.length > 0) {
    const [c, pointer] = stack.pop() as [unknown, string];
    if (!isObj(c)) continue;
    const supplier = isObj(c.supplier) ? str(c.supplier.name) : null;
    const group = str(c.group);
    const name = str(c.name) ?? '';
    const parts = normalizePurlParts(c.purl, `${pointer}/purl`, warnings);
    const purl = parts === null ? null : formatPurl(parts);
    const component: SbomComponent = {
      ...(purl === null && c.purl !== undefined && c.purl !== null && c.purl !== ''
        ? { purlInvalid: true }
        : {}),
      bomRef: claimRef(str(c['bom-ref']), pointer),
      name: group ? `${group}/${name}` : name,
      version: str(c.version),
      purl,
      type: str(c.type) ?? 'library',
      supplier: supplier ?? str(c.publisher) ?? str(c.author),
      licenses: cdxLicenses(c.licenses),
      hashes: arr(c.hashes).flatMap((h) =>
        isObj(h) && str(h.alg) && str(h.content) ? [{ alg: String(h.alg), value: String(h.content) }] : [],
      ),
      scope: scopeOf(c.scope),
      dev: false,
    };
    purlParts.push(parts);
    purlTexts.push(purl);
    components.push(component);
    const children = arr(c.components);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], `${pointer}/components/${i}`]);
  }

  rememberPurlParts(components, purlParts, purlTexts);

  const dependencies: SbomDependency[] = [];
  arr(doc.dependencies).forEach((d, i) => {
    if (!isObj(d)) return;
    const from = str(d.ref);
    if (from === null) return;
    const to: string[] = [];
    arr(d.dependsOn).forEach((t, j) => {
      const target = typeof t === 'string' ? t : isObj(t) ? str(t.ref) : null;
      if (target === null) return;
      if (!refs.has(target)) {
        warnings.push({
          code: 'unknown_ref',
          pointer: `/dependencies/${i}/dependsOn/${pointerToken(j)}`,
          params: { value: target },
        });
      }
      to.push(target);
    });
    if (!refs.has(from))
      warnings.push({ code: 'unknown_ref', pointer: `/dependencies/${i}/ref`, params: { value: from } });
    dependencies.push({ from, to });
  });

  return {
    format: 'cyclonedx',
    specVersion,
    name: root ? str(root.name) : null,
    version: root ? str(root.version) : null,
    components,
    dependencies,
    rootRefs: rootRefs.length > 0 ? rootRefs : graphRoots(dependencies),
    serialNumber: str(doc.serialNumber),
    bomVersion: typeof doc.version === 'number' ? doc.version : Number(str(doc.version) ?? 1) || 1,
    rootPurl: root ? normalizePurlField(root.purl, '/metadata/component/purl', warnings) : null,
  };
}

/** Nodes of the graph nobody depends on (the roots when the BOM names none). */
export function graphRoots(dependencies: readonly SbomDependency[]): string[] {
  const targets = new Set(dependencies.flatMap((d) => d.to));
  return [...new Set(dependencies.map((d) => d.from))].filter((r) => !targets.has(r));
}
