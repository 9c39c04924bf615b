import { describe, expect, it } from 'vitest';
import type { AnalysisElement, Element, Graph } from '../../../api/cpsf';
import {
  LANE_MIN_H,
  LANE_PAD_TOP,
  NODE_H,
  dropTarget,
  gapRows,
  layerAt,
  layoutLanes,
  nextId,
  removeFromGraph,
  spotFor,
} from './graph';

const element = (id: string, layer: 1 | 2 | 3, position?: { x: number; y: number }): Element => ({
  id,
  name: id,
  component: 'thing',
  layer,
  position: position ?? null,
});

describe('layoutLanes', () => {
  it('stacks the three lanes and keeps stored positions', () => {
    const g = layoutLanes([element('A', 1, { x: 10, y: 400 }), element('B', 2), element('C', 3)]);
    expect(g.top[1]).toBe(0);
    expect(g.height[1]).toBeGreaterThan(400 + NODE_H);
    expect(g.top[2]).toBe(g.height[1]);
    expect(g.top[3]).toBe(g.height[1] + g.height[2]);
    expect(g.height[2]).toBe(LANE_MIN_H);
    expect(g.positions.get('A')).toEqual({ x: 10, y: 400 });
  });

  it('places elements without a position in rows below the placed ones, without overlap', () => {
    const many = Array.from({ length: 300 }, (_, i) => element(`T-${i}`, 2));
    const g = layoutLanes([element('P', 2, { x: 0, y: 100 }), ...many]);
    const seen = new Set<string>();
    for (const e of many) {
      const p = g.positions.get(e.id)!;
      expect(p.y).toBeGreaterThanOrEqual(100 + NODE_H);
      expect(p.y + NODE_H).toBeLessThanOrEqual(g.height[2]);
      const key = `${p.x},${p.y}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });
});

describe('dropping between lanes', () => {
  const g = layoutLanes([element('A', 1), element('B', 2), element('C', 3)]);

  it('finds the lane under a point', () => {
    expect(layerAt(-50, g)).toBe(1);
    expect(layerAt(g.top[2] + 5, g)).toBe(2);
    expect(layerAt(g.top[3] + g.height[3] + 999, g)).toBe(3);
  });

  it('a node dragged into the middle lane moves to layer 2 with a lane-relative position', () => {
    const drop = { x: 123.4, y: g.top[2] + 80 };
    expect(dropTarget(drop, g)).toEqual({ layer: 2, position: { x: 123, y: 80 } });
  });

  it('keeps a dropped node below the lane title', () => {
    expect(dropTarget({ x: 0, y: g.top[3] - NODE_H / 2 + 1 }, g).position.y).toBe(LANE_PAD_TOP - 8);
  });

  it('puts a new element to the right of the first row', () => {
    const placed = [element('A', 1, { x: 500, y: LANE_PAD_TOP })];
    expect(spotFor(1, placed, layoutLanes(placed)).x).toBeGreaterThan(500);
  });
});

describe('ids and removal', () => {
  it('takes the smallest free number', () => {
    expect(nextId('ORG', [])).toBe('ORG-1');
    expect(nextId('ORG', ['ORG-1', 'ORG-3'])).toBe('ORG-2');
  });

  it('removes an element with its edges and the references to it', () => {
    const graph: Graph = {
      elements: [
        { id: 'O', name: 'o', component: 'organization', layer: 1 },
        { id: 'D', name: 'd', component: 'thing', layer: 2, orgRef: 'O' },
      ],
      edges: [{ id: 'E-1', from: 'O', to: 'D', kind: 'contract' }],
    };
    const next = removeFromGraph(graph, ['O'], []);
    expect(next.elements).toEqual([{ id: 'D', name: 'd', component: 'thing', layer: 2, orgRef: null }]);
    expect(next.edges).toEqual([]);
  });
});

describe('gapRows', () => {
  it('lists unanswered, partial and unimplemented requirements only', () => {
    const req = (ref: string, status: AnalysisElement['requirements'][number]['status']) => ({
      ref,
      tier: 'basic',
      riskSources: [],
      cpsfRefs: [],
      status,
      statusRevision: 0,
      plan: null,
    });
    const rows = gapRows([
      {
        elementId: 'X',
        level: { level: 'basic', highest: null, drivers: [], rated: false, explanation: { ja: '', en: '' } },
        riskSources: [],
        requirements: [
          req('R1', null),
          req('R2', 'implemented'),
          req('R3', 'partial'),
          req('R4', 'not_applicable'),
          req('R5', 'not_implemented'),
        ],
      },
    ]);
    expect(rows.map((r) => r.key)).toEqual(['R1@X', 'R3@X', 'R5@X']);
  });
});
