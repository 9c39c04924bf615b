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
  return pathsFrom(shortestParents(sbom), pathLabels(sbom));
}

/** Display name of each bom-ref: the component's name, or for a root that is no component the BOM's name. */
export function pathLabels(sbom: {
  name?: string | null;
  rootRefs: readonly string[];
  components: readonly { bomRef: string; name: string }[];
}): Map<string, string> {
  const names = new Map(sbom.components.map((c) => [c.bomRef, c.name]));
  for (const r of sbom.rootRefs) if (!names.has(r) && sbom.name) names.set(r, sbom.name);
  return names;
}

/** Each reached bom-ref's parent on one shortest path from a root (roots map to null). */
export function shortestParents(
  sbom: Pick<NormalizedSbom, 'dependencies' | 'rootRefs'>,
): Map<string, string | null> {
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
  return parent;
}

/** The path function over a parent map (paths are built only when asked: a deep graph has long ones). */
export function pathsFrom(
  parent: ReadonlyMap<string, string | null>,
  names: ReadonlyMap<string, string>,
): (bomRef: string) => string[] {
  const label = (ref: string) => names.get(ref) ?? ref;
  return (bomRef) => {
    if (!parent.has(bomRef)) return [label(bomRef)];
    const path: string[] = [];
    for (let at: string | null | undefined = bomRef; at != null; at = parent.get(at)) path.push(label(at));
    return path.reverse();
  };
}
