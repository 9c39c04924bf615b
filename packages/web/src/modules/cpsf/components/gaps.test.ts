import { describe, expect, it } from 'vitest';
import type { GapRow } from './graph';
import { queryGaps, type GapQuery } from './gaps';

const row = (
  ref: string,
  elementId: string,
  status: GapRow['requirement']['status'],
  plan: { dueDate?: string; costEstimate?: number } | null = null,
): GapRow =>
  ({
    key: `${ref}@${elementId}`,
    elementId,
    requirement: {
      ref,
      tier: 'basic',
      riskSources: [],
      cpsfRefs: [],
      status,
      statusRevision: 0,
      plan: plan
        ? {
            owner: null,
            dueDate: plan.dueDate ?? null,
            costEstimate: plan.costEstimate ?? null,
            residualAcceptedBy: null,
            note: null,
          }
        : null,
    },
  }) as GapRow;

const rows = [
  row('REQ-02', 'E-2', 'partial', { dueDate: '2027-03-31', costEstimate: 500_000 }),
  row('REQ-01', 'E-1', null),
  row('REQ-03', 'E-1', 'not_implemented', { dueDate: '2026-06-30', costEstimate: 2_000_000 }),
  row('REQ-01', 'E-3', 'not_implemented'),
];
const names: Record<string, string> = { 'E-1': '制御サーバー', 'E-2': 'PLC', 'E-3': 'VPN 装置' };
const label = { element: (id: string) => names[id] ?? id, requirement: (ref: string) => `title of ${ref}` };
const q = (over: Partial<GapQuery>): GapQuery => ({
  text: '',
  status: 'all',
  plan: 'all',
  sort: 'requirement',
  ...over,
});
const keys = (r: GapRow[]) => r.map((x) => x.key);

describe('queryGaps (gap list sorting and filtering)', () => {
  it('sorts by due date and by cost with missing values last, by urgency of status, by element name', () => {
    expect(keys(queryGaps(rows, q({ sort: 'due' }), label, '2026-12-02'))).toEqual([
      'REQ-03@E-1',
      'REQ-02@E-2',
      'REQ-01@E-1',
      'REQ-01@E-3',
    ]);
    expect(keys(queryGaps(rows, q({ sort: 'cost' }), label, '2026-12-02')).slice(0, 2)).toEqual([
      'REQ-03@E-1',
      'REQ-02@E-2',
    ]);
    expect(keys(queryGaps(rows, q({ sort: 'status' }), label, '2026-12-02'))).toEqual([
      'REQ-01@E-3',
      'REQ-03@E-1',
      'REQ-02@E-2',
      'REQ-01@E-1',
    ]);
    expect(keys(queryGaps(rows, q({ sort: 'requirement' }), label, '2026-12-02'))).toEqual([
      'REQ-01@E-1',
      'REQ-01@E-3',
      'REQ-02@E-2',
      'REQ-03@E-1',
    ]);
  });

  it('filters by text (requirement or element, Japanese too), status, plan and overdue', () => {
    expect(keys(queryGaps(rows, q({ text: '制御' }), label, '2026-12-02'))).toEqual([
      'REQ-01@E-1',
      'REQ-03@E-1',
    ]);
    expect(keys(queryGaps(rows, q({ text: 'req-02' }), label, '2026-12-02'))).toEqual(['REQ-02@E-2']);
    expect(keys(queryGaps(rows, q({ status: 'unanswered' }), label, '2026-12-02'))).toEqual(['REQ-01@E-1']);
    expect(keys(queryGaps(rows, q({ plan: 'unplanned' }), label, '2026-12-02'))).toEqual([
      'REQ-01@E-1',
      'REQ-01@E-3',
    ]);
    expect(keys(queryGaps(rows, q({ plan: 'overdue' }), label, '2026-12-02'))).toEqual(['REQ-03@E-1']);
    expect(queryGaps(rows, q({ plan: 'overdue' }), label, '2026-01-01')).toEqual([]);
  });
});
