import type { NormalizedSbom } from './types.ts';

/**
 * The shortest dependency paths from a root of the BOM to a component ("which dependency brought
 * it in"), each as bomRefs from the root to the component, at most `limit` of them. Breadth-first,
 * so cycles in the graph are harmless. A component no root reaches gives [].
 */
export function dependencyPaths(sbom: NormalizedSbom, bomRef: string, limit = 5): string[][] {
  if (limit <= 0) return [];
  const edges = new Map<string, string[]>();
  for (const d of sbom.dependencies) edges.set(d.from, [...(edges.get(d.from) ?? []), ...d.to]);
  const roots = sbom.rootRefs.length > 0 ? sbom.rootRefs : [...edges.keys()];
  if (roots.includes(bomRef)) return [[bomRef]];

  // Distance from the nearest root, and every predecessor on a shortest route.
  const dist = new Map<string, number>();
  const preds = new Map<string, string[]>();
  let frontier = roots.filter((r) => !dist.has(r));
  for (const r of frontier) dist.set(r, 0);
  for (let level = 0; frontier.length > 0 && !dist.has(bomRef); level++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const to of edges.get(node) ?? []) {
        const d = dist.get(to);
        if (d === undefined) {
          dist.set(to, level + 1);
          preds.set(to, [node]);
          next.push(to);
        } else if (d === level + 1) preds.get(to)?.push(node);
      }
    }
    frontier = next;
  }
  if (!dist.has(bomRef)) return [];

  // Walk predecessors back to the roots, iteratively, stopping at `limit` paths.
  const paths: string[][] = [];
  const stack: string[][] = [[bomRef]];
  while (stack.length > 0 && paths.length < limit) {
    const partial = stack.pop() as string[];
    const head = partial[0] as string;
    if (dist.get(head) === 0) {
      paths.push(partial);
      continue;
    }
    const ps = preds.get(head) ?? [];
    for (let i = ps.length - 1; i >= 0; i--) stack.push([ps[i] as string, ...partial]);
  }
  return paths;
}
