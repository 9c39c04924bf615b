import { describe, expect, it } from 'vitest';
import type { ChainNode } from '../api';
import { matches, nodeColor, scoreBand, shownNodes } from './chainFilter';

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
