// ELK (elkjs) for the chain graph: the layered layout runs in a web worker loaded on first use, never with
// the rest of the app. Tiers are columns (ELK partitions), the buyer left of tier 1.
import ELK, { type ELK as ElkApi } from 'elkjs/lib/elk-api';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';

let instance: ElkApi | null = null;

function elk(): ElkApi {
  instance ??= new ELK({ workerUrl, workerFactory: (url) => new Worker(url ?? workerUrl) });
  return instance;
}

export const NODE_W = 220;
export const NODE_H = 64;

/** Top-left corners of the nodes, laid out left to right by tier (0 = the buyer). */
export async function chainLayout(
  nodes: readonly { id: string; tier: number }[],
  edges: readonly { from: string; to: string }[],
): Promise<Map<string, { x: number; y: number }>> {
  const result = await elk().layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.spacing.nodeNode': '20',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
    },
    children: nodes.map((n) => ({
      id: n.id,
      width: NODE_W,
      height: NODE_H,
      layoutOptions: { 'elk.partitioning.partition': String(n.tier) },
    })),
    edges: edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  });
  return new Map((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}
