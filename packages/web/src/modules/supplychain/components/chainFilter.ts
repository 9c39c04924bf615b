// The chain's filters (criticality, status, score band), shared by the graph and the list, and which nodes
// a filtered graph shows: the matching ones and, dimmed, the nodes on their way up to the buyer.
import type { ChainNode } from '../api';

export const SCORE_BANDS = ['none', 'low', 'mid', 'high'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

export interface ChainFilter {
  criticality: string;
  status: string;
  /** '' for all, else one of SCORE_BANDS. */
  score: string;
}

/** The band of a score: none (no accepted score), low (< 40), mid (40–79), high (≥ 80). */
export function scoreBand(score: number | null): ScoreBand {
  if (score === null) return 'none';
  return score < 40 ? 'low' : score < 80 ? 'mid' : 'high';
}

export function matches(n: ChainNode, f: ChainFilter): boolean {
  return (
    (f.criticality === '' || n.criticality === f.criticality) &&
    (f.status === '' || (f.status === 'known') === n.statusKnown) &&
    (f.score === '' || scoreBand(n.score) === f.score)
  );
}

/** The nodes a filtered graph shows: `match` for the matching ones, `context` for their ancestors. */
export function shownNodes(nodes: readonly ChainNode[], f: ChainFilter): Map<string, 'match' | 'context'> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, 'match' | 'context'>();
  for (const n of nodes) {
    if (!matches(n, f)) continue;
    out.set(n.id, 'match');
    let up = n.parentId === null ? undefined : byId.get(n.parentId);
    while (up && !out.has(up.id)) {
      out.set(up.id, 'context');
      up = up.parentId === null ? undefined : byId.get(up.parentId);
    }
  }
  return out;
}

/** A node's colour: by score band when scored, else blue when its status is known, grey when not. */
export function nodeColor(n: Pick<ChainNode, 'score' | 'statusKnown'>): string {
  const band = scoreBand(n.score);
  if (band === 'high') return 'green';
  if (band === 'mid') return 'yellow';
  if (band === 'low') return 'red';
  return n.statusKnown ? 'blue' : 'gray';
}
