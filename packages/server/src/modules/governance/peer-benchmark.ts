import {
  DIRECTIVE_REFS,
  GOVERNANCE_CATALOG_URN,
  PEER_BUCKET_POINTS,
  PEER_MIN_CONTRIBUTORS,
  peerBenchmark,
  type DirectiveRef,
  type PeerCandidate,
} from '@shinrai/core';
import {
  enqueueJobOnce,
  findOrganization,
  findPeerBenchmark,
  hasPeerBenchmarks,
  listPeerCandidates,
  peopleOfOrganizations,
  replacePeerBenchmarks,
  type PeerBenchmarkRow,
} from '@shinrai/store';
import type { Deps } from '../../platform/deps.ts';
import { scheduleDaily } from '../../platform/jobs/schedule.ts';
import { JobInterrupted, type JobHandler } from '../../platform/jobs/worker.ts';
import { CatalogCache, scoreRow } from './service.ts';

export const GOVERNANCE_PEERS_JOB = 'governance.peers';

/** The rule the page explains, as numbers. */
export const PEER_RULE = {
  minContributors: PEER_MIN_CONTRIBUTORS,
  bucketPoints: PEER_BUCKET_POINTS,
} as const;

export type PeerView = {
  contributors: number;
  computedAt: string | null;
  rule: typeof PEER_RULE;
} & (
  | { available: false; reason: 'no_industry' | 'not_computed' | 'too_few' }
  | { available: true; averages: { ref: DirectiveRef; average: number | null }[] }
);

/**
 * Computes the benchmark of every industry from each organization's latest approved or locked
 * governance assessment (core `peerBenchmark`: verified, distinct, at least ten, bucketed) and replaces
 * the stored ones in one transaction. Returns the number of industries.
 */
export async function computePeerBenchmarks(
  deps: Deps,
  shouldStop: () => boolean = () => false,
): Promise<{ industries: number; organizations: number }> {
  const ex = deps.store.db;
  const rows = await listPeerCandidates(ex, GOVERNANCE_CATALOG_URN);
  const people = await peopleOfOrganizations(
    ex,
    rows.map((r) => r.org_id),
  );
  const cache = new CatalogCache(ex);
  const byIndustry = new Map<string, PeerCandidate[]>();
  for (const r of rows) {
    if (shouldStop()) throw new JobInterrupted();
    const scored = await scoreRow(ex, cache, r);
    const list = byIndustry.get(r.industry) ?? [];
    list.push({
      orgId: r.org_id,
      corporateNumber: r.corporate_number,
      people: people.get(r.org_id) ?? [],
      values: scored.percents,
    });
    byIndustry.set(r.industry, list);
  }
  const computedAt = deps.now().toISOString();
  const out: PeerBenchmarkRow[] = [...byIndustry].map(([industry, candidates]) => {
    const b = peerBenchmark(candidates, DIRECTIVE_REFS);
    return {
      industry,
      contributors: b.contributors,
      averages: b.available ? JSON.stringify(b.averages) : null,
      computed_at: computedAt,
    };
  });
  await ex.transaction().execute((trx) => replacePeerBenchmarks(trx, out));
  return { industries: out.length, organizations: rows.length };
}

/** The daily job (also queued once at start when nothing was computed yet). */
export function governancePeersJob(deps: Deps): JobHandler {
  return async (ctx) => {
    if (ctx.job.payload && (ctx.job.payload as { day?: string }).day !== undefined)
      await scheduleDaily(deps, GOVERNANCE_PEERS_JOB, deps.now());
    return computePeerBenchmarks(deps, () => ctx.stopping);
  };
}

/** At server start: a first computation right away when none was ever stored (then the daily one). */
export async function queuePeersIfNeverComputed(deps: Deps): Promise<void> {
  if (await hasPeerBenchmarks(deps.store.db)) return;
  const now = deps.now().toISOString();
  await enqueueJobOnce(deps.store.db, {
    id: `${GOVERNANCE_PEERS_JOB}:first`,
    orgId: null,
    kind: GOVERNANCE_PEERS_JOB,
    payload: {},
    now,
    runAt: now,
    maxAttempts: 3,
  });
}

/** What the page shows for an organization: its industry's last computed benchmark. */
export async function governancePeers(deps: Deps, orgId: string): Promise<PeerView> {
  const ex = deps.store.db;
  const industry = (await findOrganization(ex, orgId))?.industry?.trim();
  const base = { rule: PEER_RULE };
  if (!industry)
    return { ...base, available: false, contributors: 0, computedAt: null, reason: 'no_industry' };
  const row = await findPeerBenchmark(ex, industry);
  if (!row) return { ...base, available: false, contributors: 0, computedAt: null, reason: 'not_computed' };
  const averages = row.averages === null ? null : (JSON.parse(row.averages) as Record<string, number | null>);
  if (averages === null || row.contributors < PEER_MIN_CONTRIBUTORS)
    return {
      ...base,
      available: false,
      contributors: row.contributors,
      computedAt: row.computed_at,
      reason: 'too_few',
    };
  return {
    ...base,
    available: true,
    contributors: row.contributors,
    computedAt: row.computed_at,
    averages: DIRECTIVE_REFS.map((ref) => ({ ref, average: averages[ref] ?? null })),
  };
}
