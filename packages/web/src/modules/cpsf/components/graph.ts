// Pure helpers of the model editor: lane geometry (the three layers as horizontal swimlanes), automatic
// placement of elements without a position, fresh ids, and the gap list. No React here (unit-tested).
import type {
  AnalysisElement,
  Component,
  Element,
  ElementRequirement,
  Graph,
  Layer,
  RequirementStatus,
} from '../../../api/cpsf';
import { LAYERS } from '../../../api/cpsf';

export const NODE_W = 200;
export const NODE_H = 80;
/** Room at the top of each lane for its title. */
export const LANE_PAD_TOP = 52;
export const LANE_MIN_H = 240;
const GAP_X = 40;
const GAP_Y = 30;
const LEFT = 40;

export type Point = { x: number; y: number };

export interface LaneGeometry {
  top: Record<Layer, number>;
  height: Record<Layer, number>;
  /** Lane-relative position of every element (stored, or placed automatically). */
  positions: Map<string, Point>;
  /** Horizontal extent of the content (lanes are drawn a little wider). */
  minX: number;
  maxX: number;
}

/** The layer an element of a component usually sits on, for new elements. */
export function defaultLayer(component: Component): Layer {
  switch (component) {
    case 'organization':
    case 'people':
    case 'procedure':
      return 1;
    case 'thing':
      return 2;
    case 'data':
    case 'system':
      return 3;
  }
}

/**
 * Positions of all elements relative to their lane: stored positions as they are; the others in rows
 * below the stored ones, about as wide as tall so that a model of thousands of elements stays compact.
 */
export function layoutLanes(elements: readonly Element[]): LaneGeometry {
  const positions = new Map<string, Point>();
  const height = {} as Record<Layer, number>;
  const top = {} as Record<Layer, number>;
  let minX = 0;
  let maxX = NODE_W + 2 * LEFT;
  let y = 0;
  for (const layer of LAYERS) {
    const inLane = elements.filter((e) => e.layer === layer);
    let bottom = LANE_PAD_TOP;
    const unplaced: Element[] = [];
    for (const e of inLane) {
      if (e.position && Number.isFinite(e.position.x) && Number.isFinite(e.position.y)) {
        const p = { x: e.position.x, y: Math.max(0, e.position.y) };
        positions.set(e.id, p);
        bottom = Math.max(bottom, p.y + NODE_H + GAP_Y);
        minX = Math.min(minX, p.x);
        maxX = Math.max(maxX, p.x + NODE_W);
      } else unplaced.push(e);
    }
    const perRow = Math.max(6, Math.ceil(Math.sqrt(unplaced.length * 3)));
    unplaced.forEach((e, i) => {
      const p = {
        x: LEFT + (i % perRow) * (NODE_W + GAP_X),
        y: bottom + Math.floor(i / perRow) * (NODE_H + GAP_Y),
      };
      positions.set(e.id, p);
      maxX = Math.max(maxX, p.x + NODE_W);
    });
    const rows = Math.ceil(unplaced.length / perRow);
    const contentBottom = bottom + rows * (NODE_H + GAP_Y);
    height[layer] = Math.max(LANE_MIN_H, contentBottom + GAP_Y);
    top[layer] = y;
    y += height[layer];
  }
  return { top, height, positions, minX, maxX };
}

/** The lane under a canvas y coordinate (above the first lane → 1, below the last → 3). */
export function layerAt(y: number, geometry: Pick<LaneGeometry, 'top' | 'height'>): Layer {
  for (const layer of LAYERS) if (y < geometry.top[layer] + geometry.height[layer]) return layer;
  return 3;
}

/** Where a node dropped at absolute `drop` lands: its lane (by its centre) and lane-relative position. */
export function dropTarget(
  drop: Point,
  geometry: Pick<LaneGeometry, 'top' | 'height'>,
): { layer: Layer; position: Point } {
  const layer = layerAt(drop.y + NODE_H / 2, geometry);
  const y = Math.max(LANE_PAD_TOP - 8, drop.y - geometry.top[layer]);
  return { layer, position: { x: Math.round(drop.x), y: Math.round(y) } };
}

/** A free spot for a new element at the right end of the first row of its lane. */
export function spotFor(layer: Layer, elements: readonly Element[], geometry: LaneGeometry): Point {
  let right = LEFT - GAP_X - NODE_W;
  for (const e of elements) {
    if (e.layer !== layer) continue;
    const p = geometry.positions.get(e.id);
    if (p && p.y < LANE_PAD_TOP + NODE_H) right = Math.max(right, p.x);
  }
  return { x: right + NODE_W + GAP_X, y: LANE_PAD_TOP };
}

const PREFIX: Record<Component, string> = {
  organization: 'ORG',
  people: 'PPL',
  thing: 'THG',
  data: 'DAT',
  procedure: 'PRC',
  system: 'SYS',
};

/** The smallest unused id with a prefix: `ORG-1`, `ORG-2`, … (ids are shown to users). */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

export const elementIdFor = (component: Component, graph: Graph) =>
  nextId(
    PREFIX[component],
    graph.elements.map((e) => e.id),
  );

export const edgeIdFor = (graph: Graph) =>
  nextId(
    'E',
    graph.edges.map((e) => e.id),
  );

/** Removes elements and every edge touching them; clears organization references to removed ones. */
export function removeFromGraph(
  graph: Graph,
  elementIds: readonly string[],
  edgeIds: readonly string[],
): Graph {
  const gone = new Set(elementIds);
  const goneEdges = new Set(edgeIds);
  return {
    elements: graph.elements
      .filter((e) => !gone.has(e.id))
      .map((e) => (e.orgRef && gone.has(e.orgRef) ? { ...e, orgRef: null } : e)),
    edges: graph.edges.filter((e) => !goneEdges.has(e.id) && !gone.has(e.from) && !gone.has(e.to)),
  };
}

export interface GapRow {
  key: string;
  elementId: string;
  requirement: ElementRequirement;
}

const MET: ReadonlySet<RequirementStatus> = new Set(['implemented', 'not_applicable']);

/** Every (element × requirement) still open: missing, partly in place or unanswered. */
export function gapRows(elements: readonly AnalysisElement[]): GapRow[] {
  const rows: GapRow[] = [];
  for (const e of elements)
    for (const r of e.requirements)
      if (r.status === null || !MET.has(r.status))
        rows.push({ key: `${r.ref}@${e.elementId}`, elementId: e.elementId, requirement: r });
  return rows;
}

/** Yen amounts as Japanese readers expect them (¥1,200,000 / 1,200,000円). */
export function formatYen(amount: number | null | undefined, lang: 'ja' | 'en'): string {
  if (amount === null || amount === undefined) return '';
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'currency',
    currency: 'JPY',
    maximumFractionDigits: 0,
  }).format(amount);
}
