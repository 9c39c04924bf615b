import { describe, expect, it } from 'vitest';
import {
  analyseModelStatus,
  narrowAnalysis,
  planView,
  statusOfAnswer,
  statusRef,
  type StatusValue,
} from './analysis.ts';
import type { DerivedElement } from './derive.ts';
import { el, model } from './test-fixtures.ts';

const derived = (elementId: string, refs: string[]): DerivedElement => ({
  elementId,
  level: {
    level: 'basic',
    highest: null,
    drivers: [],
    rated: false,
    explanation: { ja: '', en: '' },
  } as unknown as DerivedElement['level'],
  riskSources: [],
  requirements: refs.map((ref) => ({ ref, tier: 'basic', riskSources: ['rs'], cpsfRefs: [] })),
});

describe('CPSF status analysis', () => {
  const m = model([el('a'), el('b')]);
  const d = [derived('a', ['R1', 'R2', 'R3']), derived('b', ['R1', 'R4'])];
  const status = new Map<string, { value: StatusValue | null; revision: number }>([
    [statusRef('R1', 'a'), { value: 'implemented', revision: 2 }],
    [statusRef('R2', 'a'), { value: 'not_applicable', revision: 1 }],
    [statusRef('R3', 'a'), { value: 'partial', revision: 1 }],
    [statusRef('R1', 'b'), { value: 'not_implemented', revision: 1 }],
  ]);
  const plan = {
    owner: 'IT',
    due_date: '2030-01-01',
    cost_estimate: '120000',
    residual_accepted_by: null,
    note: null,
    updated_at: 't',
  };
  const plans = new Map([[statusRef('R1', 'b'), plan]]);

  it('counts implemented and not applicable as met, and carries status, revision and plan', () => {
    const a = analyseModelStatus({ model: m, derived: d, status, plans, today: '2030-01-01' });
    expect(a.summary).toEqual({ elements: 2, required: 5, met: 2, partial: 1, unmet: 1, unanswered: 1 });
    const b1 = a.elements[1]!.requirements[0]!;
    expect(b1).toMatchObject({ ref: 'R1', status: 'not_implemented', statusRevision: 1 });
    expect(b1.plan).toEqual(planView(plan));
    expect(b1.plan?.costEstimate).toBe(120000);
    expect(a.elements[1]!.requirements[1]).toMatchObject({ status: null, statusRevision: 0, plan: null });
  });

  it('narrows to one element (a located problem when absent) and to open requirements', () => {
    const a = analyseModelStatus({ model: m, derived: d, status, plans, today: '2030-01-01' });
    expect(narrowAnalysis(a.elements, { element: 'zz' })).toEqual({
      ok: false,
      problem: { code: 'unknown_element', element: 'zz' },
    });
    const open = narrowAnalysis(a.elements, { requirement: 'R1' });
    expect(open.ok && open.elements.map((e) => e.elementId)).toEqual(['b']);
  });

  it('reads a status from a stored answer value', () => {
    expect(statusOfAnswer(JSON.stringify({ kind: 'choice', value: 'partial' }))).toBe('partial');
    expect(statusOfAnswer(JSON.stringify({ kind: 'choice', value: 'other' }))).toBeNull();
    expect(statusOfAnswer(null)).toBeNull();
    expect(statusOfAnswer('null')).toBeNull();
  });
});
