import { describe, expect, it } from 'vitest';
import {
  campaignTrend,
  latestScores,
  overdueRequests,
  reevaluationDue,
  scoreDistribution,
  starSummary,
  weakestSuppliers,
  type DashboardCampaign,
  type DashboardRequest,
  type DashboardSupplier,
} from './index.ts';

const suppliers: DashboardSupplier[] = [
  { id: 'a', name: '甲', criticality: 'low' },
  { id: 'b', name: '乙', criticality: 'high' },
  { id: 'c', name: '丙', criticality: 'medium' },
];
const campaigns: DashboardCampaign[] = [
  { id: 'k2', title: '2026', deadline: '2026-11-30', status: 'sent', sentAt: '2026-11-01T00:00:00Z' },
  { id: 'k1', title: '2025', deadline: '2025-11-30', status: 'sent', sentAt: '2025-11-01T00:00:00Z' },
  { id: 'd', title: 'draft', deadline: '2026-01-01', status: 'draft', sentAt: null },
];
const req = (
  id: string,
  campaignId: string,
  supplierId: string,
  status: string,
  acceptedAt: string | null = null,
  scorePercent: number | null = null,
): DashboardRequest => ({
  id,
  campaignId,
  supplierId,
  supplierName: suppliers.find((s) => s.id === supplierId)!.name,
  status,
  acceptedAt,
  scorePercent,
});
const requests = [
  req('1', 'k1', 'a', 'accepted', '2025-12-01T00:00:00Z', 90),
  req('2', 'k1', 'b', 'accepted', '2025-12-02T00:00:00Z', 40),
  req('3', 'k1', 'c', 'closed'),
  req('4', 'k2', 'a', 'accepted', '2026-11-20T00:00:00Z', 55),
  req('5', 'k2', 'b', 'opened'),
  req('6', 'k2', 'c', 'submitted'),
];

describe('coverage dashboard', () => {
  it('lists requests past the deadline that were not submitted, most overdue first', () => {
    expect(overdueRequests(campaigns, requests, '2026-11-30')).toEqual([]); // the deadline day still counts
    const o = overdueRequests(campaigns, requests, '2026-12-03');
    expect(o.map((x) => [x.requestId, x.daysOverdue])).toEqual([['5', 3]]); // submitted (6) is not overdue
    // A draft or closed campaign has no overdue request.
    expect(overdueRequests([{ ...campaigns[0]!, status: 'closed' }], requests, '2026-12-03')).toEqual([]);
  });

  it('scores each supplier by its latest accepted answer; the weakest come first, ties to the more critical', () => {
    const scores = latestScores(suppliers, requests);
    expect(new Map(scores.map((s) => [s.supplierId, s.percent]))).toEqual(
      new Map([
        ['a', 55],
        ['b', 40],
      ]),
    );
    expect(weakestSuppliers(scores, 1).map((s) => s.supplierId)).toEqual(['b']);
    const tie = weakestSuppliers([
      { ...scores[0]!, percent: 50, criticality: 'low' },
      { ...scores[1]!, percent: 50, criticality: 'high' },
    ]);
    expect(tie.map((s) => s.criticality)).toEqual(['high', 'low']);
  });

  it('counts scores in 20-point bands, 100 in the last, and the suppliers without a score', () => {
    const scores = latestScores(suppliers, requests);
    const d = scoreDistribution(
      [...scores, { ...scores[0]!, supplierId: 'x', percent: 100 }, { ...scores[0]!, percent: 0 }],
      5,
    );
    expect(d.bands.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 20, 1],
      [20, 40, 0],
      [40, 60, 2],
      [60, 80, 0],
      [80, 100, 1],
    ]);
    expect(d.unscored).toBe(1);
  });

  it('gives per sent campaign, oldest first, the accepted share and the mean score', () => {
    expect(campaignTrend(campaigns, requests)).toEqual([
      expect.objectContaining({ campaignId: 'k1', requests: 3, accepted: 2, rate: 2 / 3, meanScore: 65 }),
      expect.objectContaining({ campaignId: 'k2', requests: 3, accepted: 1, rate: 1 / 3, meanScore: 55 }),
    ]);
  });

  it('is due for re-evaluation with no status or one older than 11 months; none first', () => {
    const known = new Map([
      ['a', '2026-01-01T00:00:00Z'],
      ['b', '2025-12-02T00:00:00Z'],
    ]);
    const due = reevaluationDue(suppliers, known, new Date('2026-12-01T00:00:00Z'));
    expect(due.map((d) => d.supplierId)).toEqual(['c', 'b']);
    expect(
      reevaluationDue(suppliers, known, new Date('2026-11-30T00:00:00Z')).map((d) => d.supplierId),
    ).toEqual(['c', 'b']);
    expect(
      reevaluationDue(suppliers, known, new Date('2026-11-01T00:00:00Z')).map((d) => d.supplierId),
    ).toEqual(['c']);
  });
});

describe('★ required against held', () => {
  it('counts per required level how many hold it (★4 meets ★3; ★1/★2 meet neither)', () => {
    expect(
      starSummary([
        { starRequired: 3, starHeld: 4 },
        { starRequired: 3, starHeld: 2 },
        { starRequired: 4, starHeld: 3 },
        { starRequired: 4, starHeld: null },
        { starRequired: null, starHeld: 4 },
      ]),
    ).toEqual([
      { level: 3, required: 2, met: 1 },
      { level: 4, required: 2, met: 0 },
    ]);
  });
});
