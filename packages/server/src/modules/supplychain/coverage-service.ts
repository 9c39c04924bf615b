import {
  campaignTrend,
  coverage,
  japanDay,
  latestScores,
  overdueRequests,
  reevaluationDue,
  scoreDistribution,
  starSummary,
  weakestSuppliers,
  type Criticality,
  type DashboardRequest,
} from '@shinrai/core/supplychain';
import { listCampaigns, listOrgCampaignRequests, listSuppliers } from '@shinrai/store';
import type { Ctx } from '../../platform/context.ts';
import { scorePercents } from '../assessments/public.ts';
import { statusEvidence } from './status.ts';
import { attestedStars } from './star-results/attested.ts';

/** Lists in the dashboard are cut at this many lines (their counts stay whole). */
export const DASHBOARD_LIST_LIMIT = 50;
/** How many of the weakest suppliers are shown. */
export const WEAKEST_LIMIT = 10;

/**
 * The coverage dashboard of the caller's registry: 状況把握率 overall, by criticality and tier; requests past
 * their deadline; the weakest campaign scores; the spread of scores; the trend over campaigns; who is due
 * for the annual re-evaluation; ★ required against held. Campaigns are read through their own store
 * functions, scores through the assessment engine's public functions.
 */
export async function coverageDashboard(ctx: Ctx) {
  const db = ctx.deps.store.db;
  const [own, campaignRows, requestRows] = await Promise.all([
    listSuppliers(db, ctx.orgId),
    listCampaigns(db, ctx.orgId),
    listOrgCampaignRequests(db, ctx.orgId),
  ]);
  const accepted = requestRows.flatMap((r) =>
    r.accepted_at !== null && r.assessment_id !== null ? [r.assessment_id] : [],
  );
  const [evidence, scores, attested] = await Promise.all([
    statusEvidence(
      ctx,
      own.map((s) => s.id),
    ),
    scorePercents(db, ctx.orgId, accepted),
    attestedStars(ctx),
  ]);
  const cov = coverage(
    own.map((s) => ({ id: s.id, criticality: s.criticality as Criticality, tier: s.tier })),
    evidence,
    ctx.now,
  );
  const suppliers = own.map((s) => ({
    id: s.id,
    name: s.name,
    criticality: s.criticality as Criticality,
  }));
  const campaigns = campaignRows.map((c) => ({
    id: c.id,
    title: c.title,
    deadline: c.deadline,
    status: c.status,
    sentAt: c.sent_at,
  }));
  const requests: DashboardRequest[] = requestRows.map((r) => ({
    id: r.id,
    campaignId: r.campaign_id,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name,
    status: r.status,
    acceptedAt: r.accepted_at,
    scorePercent:
      r.accepted_at !== null && r.assessment_id !== null ? (scores.get(r.assessment_id) ?? null) : null,
  }));
  const latest = latestScores(suppliers, requests);
  const overdue = overdueRequests(campaigns, requests, japanDay(ctx.now));
  const due = reevaluationDue(suppliers, cov.knownSince, ctx.now);
  return {
    asOf: ctx.now.toISOString(),
    suppliers: own.length,
    overall: cov.overall,
    byCriticality: cov.byCriticality,
    byTier: cov.byTier,
    overdue: { count: overdue.length, items: overdue.slice(0, DASHBOARD_LIST_LIMIT) },
    weakest: weakestSuppliers(latest, WEAKEST_LIMIT),
    distribution: scoreDistribution(latest, own.length),
    trend: campaignTrend(campaigns, requests),
    reevaluation: { count: due.length, items: due.slice(0, DASHBOARD_LIST_LIMIT) },
    // An unexpired ★ the supplier attested on one of this buyer's requests counts before a typed one.
    star: starSummary(
      own.map((s) => ({
        starRequired: s.star_required,
        starHeld: attested.get(s.id)?.level ?? s.star_held,
      })),
    ),
  };
}

export type CoverageDashboard = Awaited<ReturnType<typeof coverageDashboard>>;
