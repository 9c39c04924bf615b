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

/** Below this zoom the nodes' 14 px names shrink under ~9 px and cannot be read. */
export const MIN_READABLE_ZOOM = 0.7;

/**
 * The initial viewport of the chain graph: the whole chain centred when it fits at MIN_READABLE_ZOOM or more
 * (never above 1); otherwise `partial`, at MIN_READABLE_ZOOM with the buyer at the left edge, centred
 * vertically (or from the top when taller than the pane). Null before there is anything to show.
 */
export function readableView(
  positions: ReadonlyMap<string, { x: number; y: number }>,
  width: number,
  height: number,
  node: { width: number; height: number },
): { x: number; y: number; zoom: number; partial: boolean } | null {
  if (positions.size === 0 || width <= 0 || height <= 0) return null;
  const xs = [...positions.values()].map((p) => p.x);
  const ys = [...positions.values()].map((p) => p.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const w = Math.max(...xs) + node.width - minX;
  const h = Math.max(...ys) + node.height - minY;
  const fit = Math.min(width / (w * 1.2), height / (h * 1.2), 1);
  if (fit >= MIN_READABLE_ZOOM)
    return {
      x: (width - w * fit) / 2 - minX * fit,
      y: (height - h * fit) / 2 - minY * fit,
      zoom: fit,
      partial: false,
    };
  const zoom = MIN_READABLE_ZOOM;
  const pad = 16;
  const y = h * zoom + 2 * pad <= height ? (height - h * zoom) / 2 - minY * zoom : pad - minY * zoom;
  return { x: pad - minX * zoom, y, zoom, partial: true };
}
