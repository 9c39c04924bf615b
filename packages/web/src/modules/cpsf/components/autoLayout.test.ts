import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import type { Edge, Element, Graph, Layer } from '../../../api/cpsf';
import { LAYERS } from '../../../api/cpsf';
import { MAX_ROWS, layoutPositions, placeInLanes, withPositions } from './autoLayout';
import { LANE_PAD_TOP, NODE_H, NODE_W, layoutLanes } from './graph';

const el = (id: string, layer: Layer, component: Element['component']): Element => ({
  id,
  name: id,
  component,
  layer,
  position: { x: 0, y: 0 },
});

/** A building like the wizard makes: sensors and controllers on layer 2 wired to the BMS on layer 3. */
function building(devices: number): Graph {
  const elements: Element[] = [
    el('ORG-OWNER', 1, 'organization'),
    el('ORG-MGMT', 1, 'organization'),
    el('PPL-OPS', 1, 'people'),
    el('PRC-OPS', 1, 'procedure'),
    el('EQP-01', 2, 'thing'),
    el('SYS-BMS', 3, 'system'),
    el('DAT-OPS', 3, 'data'),
  ];
  const edges: Edge[] = [
    { id: 'c1', from: 'ORG-OWNER', to: 'ORG-MGMT', kind: 'contract' },
    { id: 'f1', from: 'SYS-BMS', to: 'DAT-OPS', kind: 'data_flow' },
    { id: 'f2', from: 'DAT-OPS', to: 'PPL-OPS', kind: 'data_flow' },
  ];
  for (let i = 1; i <= devices; i++) {
    const id = `DEV-${String(i).padStart(2, '0')}`;
    elements.push(el(id, 2, 'thing'));
    edges.push({ id: `n${i}`, from: id, to: 'SYS-BMS', kind: 'network' });
    edges.push({ id: `p${i}`, from: id, to: 'EQP-01', kind: 'physical_control' });
  }
  return { elements, edges };
}

/** Absolute boxes as the editor draws them (lanes stacked, positions lane-relative). */
function boxes(graph: Graph) {
  const geometry = layoutLanes(graph.elements);
  return graph.elements.map((e) => {
    const p = geometry.positions.get(e.id)!;
    return {
      e,
      x: p.x,
      y: geometry.top[e.layer] + p.y,
      laneTop: geometry.top[e.layer],
      laneBottom: geometry.top[e.layer] + geometry.height[e.layer],
    };
  });
}

const elk = new ELK();

describe('autoLayout (elkjs layered, lanes as rows)', () => {
  for (const devices of [0, 3, 23])
    it(`a building with ${devices} devices: no overlaps, every element inside its own lane`, async () => {
      const graph = building(devices);
      const laid = withPositions(graph, await layoutPositions(graph, elk));
      expect(laid.elements.map((e) => e.layer)).toEqual(graph.elements.map((e) => e.layer));
      const all = boxes(laid);
      for (const b of all) {
        expect(b.e.position!.y, b.e.id).toBeGreaterThanOrEqual(LANE_PAD_TOP);
        expect(b.y, b.e.id).toBeGreaterThanOrEqual(b.laneTop + LANE_PAD_TOP);
        expect(b.y + NODE_H, b.e.id).toBeLessThanOrEqual(b.laneBottom);
      }
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) {
          const a = all[i]!;
          const b = all[j]!;
          const apart =
            a.x + NODE_W <= b.x || b.x + NODE_W <= a.x || a.y + NODE_H <= b.y || b.y + NODE_H <= a.y;
          expect(apart, `${a.e.id} / ${b.e.id}`).toBe(true);
        }
      // a lane is at most MAX_ROWS elements tall
      for (const layer of LAYERS) {
        const ys = new Set(laid.elements.filter((e) => e.layer === layer).map((e) => e.position!.y));
        expect(ys.size).toBeLessThanOrEqual(MAX_ROWS);
      }
    });

  it('follows the connections from left to right', async () => {
    const graph = building(3);
    const p = await layoutPositions(graph, elk);
    expect(p.get('DEV-01')!.x).toBeLessThan(p.get('SYS-BMS')!.x);
    expect(p.get('SYS-BMS')!.x).toBeLessThan(p.get('DAT-OPS')!.x);
    expect(p.get('ORG-OWNER')!.x).toBeLessThan(p.get('ORG-MGMT')!.x);
  });

  it('wraps a tall column into sub-columns and keeps elements of other lanes in their own rows', () => {
    const elements = [
      ...Array.from({ length: 12 }, (_, i) => el(`T${i}`, 2, 'thing')),
      el('O', 1, 'organization'),
    ];
    const elk = new Map(elements.map((e, i) => [e.id, { x: 0, y: i * 100 }]));
    const p = placeInLanes(elements, elk);
    const xs = new Set(elements.filter((e) => e.layer === 2).map((e) => p.get(e.id)!.x));
    expect(xs.size).toBe(3);
    expect(p.get('O')!.y).toBe(LANE_PAD_TOP);
  });

  it('leaves elements it does not know as they are', () => {
    const graph = building(1);
    const moved = withPositions(graph, new Map([['DEV-01', { x: 500, y: 100 }]]));
    expect(moved.elements.find((e) => e.id === 'DEV-01')!.position).toEqual({ x: 500, y: 100 });
    expect(moved.elements.find((e) => e.id === 'EQP-01')!.position).toEqual({ x: 0, y: 0 });
  });
});
