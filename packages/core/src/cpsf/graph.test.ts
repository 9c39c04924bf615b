import { describe, expect, it } from 'vitest';
import { canonicalGraph, graphIntegrity, mergeGraph } from './graph.ts';
import { edge, el, model } from './test-fixtures.ts';

describe('graph integrity', () => {
  it('locates duplicate ids, dangling edges and org references to non-organizations', () => {
    const m = model(
      [el('a'), el('a'), el('org', { component: 'organization' }), el('b', { orgRef: 'a' })],
      [
        { id: 'x', from: 'a', to: 'missing', kind: 'network' },
        { id: 'x', from: 'nowhere', to: 'b', kind: 'network' },
      ],
    );
    expect(graphIntegrity(m)).toEqual([
      { pointer: '/elements/1/id', message: 'duplicate id a' },
      { pointer: '/edges/0/to', message: 'unknown element missing' },
      { pointer: '/edges/1/id', message: 'duplicate id x' },
      { pointer: '/edges/1/from', message: 'unknown element nowhere' },
      { pointer: '/elements/3/orgRef', message: 'not an organization element: a' },
    ]);
    expect(
      graphIntegrity(model([el('org', { component: 'organization' }), el('b', { orgRef: 'org' })])),
    ).toEqual([]);
  });

  it('drops undefined keys in the canonical form', () => {
    const g = canonicalGraph(model([el('a', { vendor: undefined })]));
    expect(Object.keys(g.elements[0]!)).not.toContain('vendor');
  });

  it('merges by id: replaces and adds, keeping a position the import lacks', () => {
    const current = model(
      [el('a', { position: { x: 1, y: 2 } }), el('b')],
      [edge('a', 'b', 'network', { id: 'e-ab' })],
    );
    const incoming = model(
      [el('a', { name: 'A2' }), el('c')],
      [edge('a', 'b', 'data_flow', { id: 'e-ab' }), edge('b', 'c', 'network', { id: 'e-bc' })],
    );
    const m = mergeGraph(current, incoming);
    expect(m).toMatchObject({ added: 1, updated: 1, edgesAdded: 1, edgesUpdated: 1 });
    expect(m.graph.elements.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(m.graph.elements[0]).toMatchObject({ name: 'A2', position: { x: 1, y: 2 } });
    expect(m.graph.edges.find((e) => e.id === 'e-ab')?.kind).toBe('data_flow');
  });
});
