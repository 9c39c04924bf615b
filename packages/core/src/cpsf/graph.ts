import type { Model } from './model.ts';

/** A problem of a graph, located by a JSON pointer into `{elements, edges}`. */
export interface GraphProblem {
  pointer: string;
  message: string;
}

/**
 * What a schema cannot say: ids unique, edges between existing elements, org references to
 * organizations. A graph with these problems is refused (the editor never produces one).
 */
export function graphIntegrity(model: Model): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const byId = new Map<string, number>();
  model.elements.forEach((e, i) => {
    if (byId.has(e.id)) problems.push({ pointer: `/elements/${i}/id`, message: `duplicate id ${e.id}` });
    else byId.set(e.id, i);
  });
  const edgeIds = new Set<string>();
  model.edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) problems.push({ pointer: `/edges/${i}/id`, message: `duplicate id ${e.id}` });
    edgeIds.add(e.id);
    if (!byId.has(e.from))
      problems.push({ pointer: `/edges/${i}/from`, message: `unknown element ${e.from}` });
    if (!byId.has(e.to)) problems.push({ pointer: `/edges/${i}/to`, message: `unknown element ${e.to}` });
  });
  model.elements.forEach((e, i) => {
    if (e.orgRef === null || e.orgRef === undefined) return;
    const j = byId.get(e.orgRef);
    if (j === undefined || model.elements[j]!.component !== 'organization')
      problems.push({
        pointer: `/elements/${i}/orgRef`,
        message: `not an organization element: ${e.orgRef}`,
      });
  });
  return problems;
}

/** Drops undefined keys so a stored graph is canonical (and its JSON small). */
export function canonicalGraph(model: Model): Model {
  return JSON.parse(JSON.stringify({ elements: model.elements, edges: model.edges })) as Model;
}

export interface GraphMerge {
  graph: Model;
  added: number;
  updated: number;
  edgesAdded: number;
  edgesUpdated: number;
}

/**
 * Merges an import into the current graph: elements and edges with the same id are replaced, others
 * added; a replaced element keeps its position on the canvas when the import has none.
 */
export function mergeGraph(current: Model, incoming: Model): GraphMerge {
  const elements = new Map(current.elements.map((e) => [e.id, e]));
  let added = 0;
  let updated = 0;
  for (const e of incoming.elements) {
    const old = elements.get(e.id);
    if (old) {
      updated++;
      elements.set(e.id, { ...e, ...(old.position && !e.position ? { position: old.position } : {}) });
    } else {
      added++;
      elements.set(e.id, e);
    }
  }
  const edges = new Map(current.edges.map((e) => [e.id, e]));
  let edgesAdded = 0;
  let edgesUpdated = 0;
  for (const e of incoming.edges) {
    if (edges.has(e.id)) edgesUpdated++;
    else edgesAdded++;
    edges.set(e.id, e);
  }
  return {
    graph: { elements: [...elements.values()], edges: [...edges.values()] },
    added,
    updated,
    edgesAdded,
    edgesUpdated,
  };
}
