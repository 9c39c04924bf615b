// Automatic layered layout of a model (「自動レイアウト」), for generated and imported models and on demand.
// ELK's layered algorithm (elkjs, Eclipse Layout Kernel) orders the elements along the flow of the
// connections from left to right and minimises crossings; the CPSF layers stay the rows: every element
// keeps its layer and is placed in its own lane, in the column ELK gave it. A column holding many
// elements of one lane wraps into sub-columns, so that a lane stays at most MAX_ROWS elements tall.
// In the browser ELK runs in a web worker (elkWorker.ts), loaded on first use, never with the rest of the
// app; the tests give it the bundled (same-thread) build.
import type { ELK } from 'elkjs/lib/elk-api';
import type { Element, Graph, Layer } from '../../../api/cpsf';
import { LAYERS } from '../../../api/cpsf';
import { LANE_PAD_TOP, NODE_H, NODE_W } from './graph';

/** Free room between two ELK columns (edge labels sit there). */
export const COLUMN_GAP = 110;
/** Between the sub-columns of one wrapped column, and between rows. */
export const SUB_GAP = 40;
export const ROW_GAP = 34;
export const MAX_ROWS = 5;
const LEFT = 40;

type Point = { x: number; y: number };

/**
 * Places the elements in their lanes from ELK's positions (absolute, any layer): columns are ELK's layers
 * (equal x), the order inside a column is ELK's (y). Pure, so that the tests can check it without ELK too.
 */
export function placeInLanes(
  elements: readonly Element[],
  elk: ReadonlyMap<string, Point>,
): Map<string, Point> {
  const columnXs = [...new Set(elements.map((e) => Math.round(elk.get(e.id)?.x ?? 0)))].sort((a, b) => a - b);
  const column = new Map(columnXs.map((x, i) => [x, i]));
  // cells[column][layer] = elements, in ELK's vertical order
  const cells = columnXs.map((): Record<Layer, Element[]> => ({ 1: [], 2: [], 3: [] }));
  for (const e of elements) cells[column.get(Math.round(elk.get(e.id)?.x ?? 0)) ?? 0]![e.layer].push(e);
  const out = new Map<string, Point>();
  let x = LEFT;
  for (const cell of cells) {
    let subColumns = 1;
    for (const layer of LAYERS) {
      const list = cell[layer];
      list.sort((a, b) => (elk.get(a.id)?.y ?? 0) - (elk.get(b.id)?.y ?? 0) || a.id.localeCompare(b.id));
      subColumns = Math.max(subColumns, Math.ceil(list.length / MAX_ROWS));
    }
    for (const layer of LAYERS) {
      const list = cell[layer];
      if (list.length === 0) continue;
      const columns = Math.ceil(list.length / MAX_ROWS);
      const rows = Math.ceil(list.length / columns);
      list.forEach((e, k) => {
        out.set(e.id, {
          x: x + Math.floor(k / rows) * (NODE_W + SUB_GAP),
          y: LANE_PAD_TOP + (k % rows) * (NODE_H + ROW_GAP),
        });
      });
    }
    x += subColumns * NODE_W + (subColumns - 1) * SUB_GAP + COLUMN_GAP;
  }
  return out;
}

/** ELK's layered layout of the whole graph (left to right), as absolute top-left corners. */
export async function elkPositions(graph: Graph, elk: ELK): Promise<Map<string, Point>> {
  const ids = new Set(graph.elements.map((e) => e.id));
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.separateConnectedComponents': 'false',
      'elk.spacing.nodeNode': String(ROW_GAP),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(COLUMN_GAP),
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
    },
    children: graph.elements.map((e) => ({ id: e.id, width: NODE_W, height: NODE_H })),
    edges: graph.edges
      .filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to)
      .map((e) => ({ id: `edge:${e.id}`, sources: [e.from], targets: [e.to] })),
  });
  return new Map((result.children ?? []).map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }]));
}

/** Where the layered layout puts every element (lane-relative, as the editor stores positions). */
export async function layoutPositions(graph: Graph, elk: ELK): Promise<Map<string, Point>> {
  return placeInLanes(graph.elements, await elkPositions(graph, elk));
}

/** The graph with the given positions applied (layers, ids and edges unchanged; other elements kept). */
export function withPositions(graph: Graph, positions: ReadonlyMap<string, Point>): Graph {
  return {
    ...graph,
    elements: graph.elements.map((e) => {
      const p = positions.get(e.id);
      return p ? { ...e, position: p } : e;
    }),
  };
}
