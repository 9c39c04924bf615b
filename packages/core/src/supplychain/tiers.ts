import type { Criticality } from './supplier.ts';

/**
 * One company in the buyer's view of its chain: a tier-1 supplier, or a tier-2+ company the buyer recorded
 * itself or sees because a tier-1 supplier on Shinrai shares its own registry.
 */
export interface ChainNode {
  id: string;
  /** The node one tier up; null for tier 1. */
  parentId: string | null;
  tier: number;
  name: string;
  corporateNumber: string | null;
  linkedOrgId: string | null;
  criticality: Criticality;
  /** 'record': kept by the buyer; 'shared': from a supplier's shared registry. */
  source: 'record' | 'shared';
}

/** The same company behind several tier-1 suppliers: a concentration the buyer should look at. */
export interface Concentration {
  key: string;
  name: string;
  corporateNumber: string | null;
  /** The tier-1 suppliers it sits behind (ids), two or more. */
  behind: string[];
  /** The chain nodes that are this company. */
  nodes: string[];
}

/**
 * The identity of a company across the chain: its 法人番号, else its organization on Shinrai, else its
 * name (NFKC, case and spaces folded) — so the same company recorded under two tier-1s is found.
 */
export function companyKey(n: Pick<ChainNode, 'corporateNumber' | 'linkedOrgId' | 'name'>): string {
  if (n.corporateNumber) return `cn:${n.corporateNumber}`;
  if (n.linkedOrgId) return `org:${n.linkedOrgId}`;
  return `name:${n.name.normalize('NFKC').toLowerCase().replace(/\s+/g, '')}`;
}

/** The tier-1 ancestor of every node (nodes whose chain does not reach tier 1 are left out). */
export function tierOneOf(nodes: readonly ChainNode[]): Map<string, string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, string>();
  for (const n of nodes) {
    let cur: ChainNode | undefined = n;
    const seen = new Set<string>();
    while (cur && cur.parentId !== null && !seen.has(cur.id)) {
      seen.add(cur.id);
      cur = byId.get(cur.parentId);
    }
    if (cur && cur.parentId === null) out.set(n.id, cur.id);
  }
  return out;
}

/**
 * Companies at tier 2 or deeper that sit behind `threshold` or more distinct tier-1 suppliers, the most
 * shared first.
 */
export function concentrations(nodes: readonly ChainNode[], threshold = 2): Concentration[] {
  const root = tierOneOf(nodes);
  const groups = new Map<string, { name: string; cn: string | null; behind: Set<string>; nodes: string[] }>();
  for (const n of nodes) {
    if (n.tier < 2) continue;
    const top = root.get(n.id);
    if (top === undefined) continue;
    const key = companyKey(n);
    const g = groups.get(key) ?? { name: n.name, cn: n.corporateNumber, behind: new Set(), nodes: [] };
    g.behind.add(top);
    g.nodes.push(n.id);
    groups.set(key, g);
  }
  return [...groups.entries()]
    .filter(([, g]) => g.behind.size >= threshold)
    .map(([key, g]) => ({
      key,
      name: g.name,
      corporateNumber: g.cn,
      behind: [...g.behind].sort(),
      nodes: g.nodes,
    }))
    .sort((a, b) => b.behind.length - a.behind.length || a.name.localeCompare(b.name));
}
