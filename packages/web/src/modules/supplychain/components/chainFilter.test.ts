import { describe, expect, it } from 'vitest';
import type { ChainNode } from '../api';
import { matches, MIN_READABLE_ZOOM, nodeColor, readableView, scoreBand, shownNodes } from './chainFilter';

const node = (id: string, parentId: string | null, over: Partial<ChainNode> = {}): ChainNode => ({
  id,
  parentId,
  tier: parentId === null ? 1 : 2,
  name: id,
  corporateNumber: null,
  linkedOrgId: null,
  criticality: 'medium',
  source: 'record',
  statusKnown: false,
  sharedBy: null,
  sharedByName: null,
  supplies: [],
  starRequired: null,
  starHeld: null,
  starAttested: false,
  score: null,
  scoredAt: null,
  ...over,
});

describe('chain filters', () => {
  it('bands scores at 40 and 80; unscored is its own band', () => {
    expect([null, 0, 39.9, 40, 79.9, 80, 100].map(scoreBand)).toEqual([
      'none',
      'low',
      'low',
      'mid',
      'mid',
      'high',
      'high',
    ]);
    expect(nodeColor({ score: null, statusKnown: true })).toBe('blue');
    expect(nodeColor({ score: null, statusKnown: false })).toBe('gray');
    expect(nodeColor({ score: 85, statusKnown: true })).toBe('green');
  });

  it('shows the matching nodes and, as context, their ancestors only', () => {
    const nodes = [
      node('a', null, { criticality: 'high' }),
      node('b', 'a', { score: 90, statusKnown: true }),
      node('c', 'a'),
      node('d', null),
    ];
    const f = { criticality: '', status: '', score: 'high' };
    expect(matches(nodes[1]!, f)).toBe(true);
    expect([...shownNodes(nodes, f)]).toEqual([
      ['b', 'match'],
      ['a', 'context'],
    ]);
    expect(shownNodes(nodes, { criticality: 'high', status: '', score: '' }).size).toBe(1);
    expect(shownNodes(nodes, { criticality: '', status: '', score: '' }).size).toBe(4);
  });
});

describe('readableView', () => {
  const size = { width: 220, height: 64 };
  const column = (tiers: number) =>
    new Map(Array.from({ length: tiers }, (_, i) => [`n${i}`, { x: i * 290, y: 0 }] as const));

  it('fits a short chain whole, centred, never above 1', () => {
    const view = readableView(column(2), 770, 520, size)!;
    expect(view).toMatchObject({ zoom: 1, partial: false });
    expect(view.x).toBeCloseTo((770 - 510) / 2);
    expect(readableView(new Map(), 770, 520, size)).toBeNull();
  });

  it('keeps a long chain readable: minimum zoom, buyer at the left edge, centred vertically', () => {
    const view = readableView(column(5), 770, 520, size)!;
    expect(view).toMatchObject({ zoom: MIN_READABLE_ZOOM, partial: true, x: 16 });
    expect(view.y).toBeCloseTo((520 - 64 * MIN_READABLE_ZOOM) / 2);
  });

  it('starts from the top when the chain is taller than the pane', () => {
    const tall = new Map(Array.from({ length: 30 }, (_, i) => [`n${i}`, { x: 0, y: 100 + i * 84 }] as const));
    const view = readableView(tall, 390, 390, size)!;
    expect(view.y).toBeCloseTo(16 - 100 * MIN_READABLE_ZOOM);
  });
});
