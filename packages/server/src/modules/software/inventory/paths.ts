import type { NormalizedSbom } from '@shinrai/formats/sbom';

/**
 * One shortest dependency path (as display names, root first) for every component a root reaches: a
 * single breadth-first walk over the whole graph, so a 10,000-component BOM costs one pass. A component
 * nothing reaches gets just its own name. A root that is not itself a component (the lockfile root ".",
 * CycloneDX metadata.component) shows as the name of what the BOM describes, when the BOM gives one.
 */
export function shortestPaths(
  sbom: Pick<NormalizedSbom, 'format' | 'dependencies' | 'rootRefs'> & {
    /** Name of what the BOM describes (lockfile root `name`, CycloneDX metadata component name). */
    name?: string | null;
    components: readonly { bomRef: string; name: string }[];
  },
): (bomRef: string) => string[] {
  const names = new Map(sbom.components.map((c) => [c.bomRef, c.name]));
  for (const r of sbom.rootRefs) if (!names.has(r) && sbom.name) names.set(r, sbom.name);
  const label = (ref: string) => names.get(ref) ?? ref;
  const edges = new Map<string, string[]>();
  for (const d of sbom.dependencies) {
    const list = edges.get(d.from);
    if (list) list.push(...d.to);
    else edges.set(d.from, [...d.to]);
  }
  const roots = sbom.rootRefs.length > 0 ? sbom.rootRefs : [...edges.keys()];
  const parent = new Map<string, string | null>();
  let frontier: string[] = [];
  for (const r of roots) {
    if (parent.has(r)) continue;
    parent.set(r, null);
    frontier.push(r);
  }
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const to of edges.get(node) ?? []) {
        if (parent.has(to)) continue;
        parent.set(to, node);
        next.push(to);
      }
    }
    frontier = next;
  }
  return (bomRef) => {
    if (!parent.has(bomRef)) return [label(bomRef)];
    const path: string[] = [];
    for (let at: string | null | undefined = bomRef; at != null; at = parent.get(at)) path.push(label(at));
    return path.reverse();
  };
}
