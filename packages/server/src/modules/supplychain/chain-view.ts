import {
  concentrations,
  coverage,
  latestScores,
  type ChainNode,
  type Criticality,
  type SupplyKind,
} from '@shinrai/core/supplychain';
import {
  listOrgCampaignRequests,
  listRegistriesSharedAlong,
  listSuppliers,
  supplierOrgNames,
  type ShareHop,
} from '@shinrai/store';
import type { Ctx } from '../../platform/context.ts';
import { scorePercents } from '../assessments/public.ts';
import { statusEvidence } from './status.ts';
import { attestedStars } from './star-results/attested.ts';
import { parseSupplies } from './views.ts';

/** The deepest tier shown (tier 1 = the buyer's direct suppliers). */
export const CHAIN_MAX_TIER = 6;
/** At most this many nodes; the rest of the chain is cut (and `truncated` says so). */
export const CHAIN_MAX_NODES = 2000;

export interface ChainViewNode extends ChainNode {
  statusKnown: boolean;
  /** The organization whose shared registry shows this node (null for the buyer's own records). */
  sharedBy: string | null;
  sharedByName: string | null;
  supplies: SupplyKind[];
  starRequired: number | null;
  /** The supplier's own unexpired ★ result shown to one of the buyer's requests when there is one, else the typed value. */
  starHeld: number | null;
  /** Whether `starHeld` is the supplier's own (attested) result; never for nodes of another organization's registry. */
  starAttested: boolean;
  /** The latest accepted campaign score (0–100) of the buyer's own records; null when none or shared. */
  score: number | null;
  scoredAt: string | null;
}

export interface ChainView {
  nodes: ChainViewNode[];
  concentrations: ReturnType<typeof concentrations>;
  /** Tier-1 suppliers on Shinrai that do not share their registry (their tier 2 is not visible). */
  notShared: { supplierId: string; orgId: string; orgName: string }[];
  limits: { maxTier: number; maxNodes: number; truncated: boolean };
}

interface Frontier {
  /** The organization whose registry may show the next tier. */
  sharer: string;
  /** The organization one tier up, that `sharer` must share with. */
  viewer: string;
  /** The node that is `sharer`. */
  nodeId: string;
  tier: number;
  /** Organizations on the path from the buyer (a cycle stops there). */
  path: Set<string>;
}

/**
 * The buyer's chain: its tier-1 suppliers and the tier-2+ records it keeps, then, tier by tier, the direct
 * suppliers of every supplier on Shinrai whose registry reaches the buyer through explicit shares: a tier-1
 * supplier's registry when it shares with the buyer; a tier-N supplier's (N ≥ 2) only when it shares with
 * the supplier one tier up AND allows that supplier to pass it on (onward). Nothing of an organization that
 * does not share. Cut at CHAIN_MAX_TIER and CHAIN_MAX_NODES. Each own record carries its latest accepted
 * campaign score; a shared node carries none (a supplier's answers are seen only by the buyers it answered).
 */
export async function supplyChain(ctx: Ctx): Promise<ChainView> {
  const db = ctx.deps.store.db;
  const own = await listSuppliers(db, ctx.orgId);
  const ids = own.map((s) => s.id);
  const [evidence, requests] = await Promise.all([
    statusEvidence(ctx, ids),
    listOrgCampaignRequests(db, ctx.orgId),
  ]);
  const known = coverage(
    own.map((s) => ({ id: s.id, criticality: s.criticality as Criticality, tier: s.tier })),
    evidence,
    ctx.now,
  ).knownSince;
  const accepted = requests.flatMap((r) => (r.accepted_at !== null && r.assessment_id !== null ? [r] : []));
  const percents = await scorePercents(
    db,
    ctx.orgId,
    accepted.map((r) => r.assessment_id!),
  );
  const scores = new Map(
    latestScores(
      own.map((s) => ({ id: s.id, name: s.name, criticality: s.criticality as Criticality })),
      accepted.map((r) => ({
        id: r.id,
        campaignId: r.campaign_id,
        supplierId: r.supplier_id,
        supplierName: r.supplier_name,
        status: r.status,
        acceptedAt: r.accepted_at,
        scorePercent: percents.get(r.assessment_id!) ?? null,
      })),
    ).map((s) => [s.supplierId, s]),
  );
  // Attested ★ only for the caller's own records: results shown to another buyer's requests are never read.
  const attested = await attestedStars(ctx);
  const nodes: ChainViewNode[] = own.map((s) => ({
    id: s.id,
    parentId: s.parent_supplier_id,
    tier: s.tier,
    name: s.name,
    corporateNumber: s.corporate_number,
    linkedOrgId: s.linked_org_id,
    criticality: s.criticality as Criticality,
    source: 'record',
    statusKnown: known.has(s.id),
    sharedBy: null,
    sharedByName: null,
    supplies: parseSupplies(s.supplies),
    starRequired: s.star_required,
    starHeld: attested.get(s.id)?.level ?? s.star_held,
    starAttested: attested.has(s.id),
    score: scores.get(s.id)?.percent ?? null,
    scoredAt: scores.get(s.id)?.acceptedAt ?? null,
  }));
  const linked = own.filter((s) => s.tier === 1 && s.linked_org_id !== null);
  let frontier: Frontier[] = linked.map((s) => ({
    sharer: s.linked_org_id!,
    viewer: ctx.orgId,
    nodeId: s.id,
    tier: 1,
    path: new Set([ctx.orgId, s.linked_org_id!]),
  }));
  const sharers = new Set<string>();
  let truncated = false;
  while (frontier.length > 0) {
    const tier = frontier[0]!.tier;
    if (tier >= CHAIN_MAX_TIER) {
      truncated = true;
      break;
    }
    const hops = uniqueHops(frontier);
    const rows = await listRegistriesSharedAlong(db, hops, tier > 1);
    const byHop = new Map<string, typeof rows>();
    for (const r of rows)
      byHop.set(`${r.org_id} ${r.viewer}`, [...(byHop.get(`${r.org_id} ${r.viewer}`) ?? []), r]);
    const next: Frontier[] = [];
    for (const f of frontier) {
      for (const r of byHop.get(`${f.sharer} ${f.viewer}`) ?? []) {
        if (nodes.length >= CHAIN_MAX_NODES) {
          truncated = true;
          break;
        }
        sharers.add(f.sharer);
        const id = `${f.nodeId}:${r.id}`;
        nodes.push({
          id,
          parentId: f.nodeId,
          tier: tier + 1,
          name: r.name,
          corporateNumber: r.corporate_number,
          linkedOrgId: r.linked_org_id,
          criticality: r.criticality as Criticality,
          source: 'shared',
          statusKnown: false,
          sharedBy: f.sharer,
          sharedByName: null,
          supplies: parseSupplies(r.supplies),
          starRequired: r.star_required,
          starHeld: r.star_held,
          starAttested: false,
          score: null,
          scoredAt: null,
        });
        if (r.linked_org_id !== null && !f.path.has(r.linked_org_id))
          next.push({
            sharer: r.linked_org_id,
            viewer: f.sharer,
            nodeId: id,
            tier: tier + 1,
            path: new Set([...f.path, r.linked_org_id]),
          });
      }
    }
    frontier = next;
  }
  const names = await supplierOrgNames(db, [...linked.map((s) => s.linked_org_id!), ...sharers]);
  for (const n of nodes) if (n.sharedBy !== null) n.sharedByName = names.get(n.sharedBy) ?? null;
  const direct = new Set(nodes.filter((n) => n.tier === 2 && n.sharedBy !== null).map((n) => n.sharedBy));
  return {
    nodes,
    concentrations: concentrations(nodes),
    notShared: linked
      .filter((s) => !direct.has(s.linked_org_id))
      .map((s) => ({
        supplierId: s.id,
        orgId: s.linked_org_id!,
        orgName: names.get(s.linked_org_id!) ?? '',
      })),
    limits: { maxTier: CHAIN_MAX_TIER, maxNodes: CHAIN_MAX_NODES, truncated },
  };
}

function uniqueHops(frontier: readonly Frontier[]): ShareHop[] {
  const seen = new Map<string, ShareHop>();
  for (const f of frontier) seen.set(`${f.sharer} ${f.viewer}`, { sharer: f.sharer, viewer: f.viewer });
  return [...seen.values()];
}
