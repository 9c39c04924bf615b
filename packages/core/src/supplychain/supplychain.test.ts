import { describe, expect, it } from 'vitest';
import {
  checkStarOverride,
  companyKey,
  concentrations,
  coverage,
  decideStar,
  normalizeCorporateNumber,
  starMet,
  statusCutoff,
  type ChainNode,
} from './index.ts';

describe('法人番号', () => {
  it('accepts a valid number as typed (full-width, hyphens, spaces) and refuses a wrong check digit', () => {
    expect(normalizeCorporateNumber('7000012050002')).toBe('7000012050002');
    expect(normalizeCorporateNumber('７０００－０１２０－５０００２')).toBe('7000012050002');
    expect(normalizeCorporateNumber(' 7000-0120-50002 ')).toBe('7000012050002');
    expect(normalizeCorporateNumber('8000012050002')).toBeNull();
    expect(normalizeCorporateNumber('700001205000')).toBeNull();
    expect(normalizeCorporateNumber('')).toBeNull();
  });
});

describe('★3/★4 decision', () => {
  const no = { importantInfo: false, outageDelay: false, networkReach: false };
  it('gives ★3 when every question is no, ★4 with the reasons when any is yes', () => {
    expect(decideStar(no)).toMatchObject({ level: 3, reasons: [] });
    expect(decideStar({ ...no, outageDelay: true })).toMatchObject({ level: 4, reasons: ['outageDelay'] });
    expect(decideStar({ importantInfo: true, outageDelay: false, networkReach: true }).reasons).toEqual([
      'importantInfo',
      'networkReach',
    ]);
  });
  it('needs a note to override the computed level', () => {
    expect(checkStarOverride(4, 4, null)).toEqual({ ok: true, overridden: false });
    expect(checkStarOverride(4, 3, null)).toEqual({ ok: false, reason: 'note_required' });
    expect(checkStarOverride(4, 3, '  ')).toEqual({ ok: false, reason: 'note_required' });
    expect(checkStarOverride(3, 4, '基幹システムに接続予定')).toEqual({ ok: true, overridden: true });
  });
  it('says whether the held ★ meets the required one', () => {
    expect(starMet(null, 4)).toBeNull();
    expect(starMet(3, 4)).toBe(true);
    expect(starMet(4, 3)).toBe(false);
    expect(starMet(3, 2)).toBe(false);
    expect(starMet(3, null)).toBe(false);
  });
});

describe('coverage (状況把握率)', () => {
  const now = new Date('2027-06-15T00:00:00.000Z');
  const suppliers = [
    { id: 'a', criticality: 'high' as const, tier: 1 },
    { id: 'b', criticality: 'high' as const, tier: 1 },
    { id: 'c', criticality: 'low' as const, tier: 1 },
    { id: 'd', criticality: 'medium' as const, tier: 2 },
  ];
  it('counts a status known only with evidence from the last 12 months', () => {
    expect(statusCutoff(now)).toBe('2026-06-15T00:00:00.000Z');
    const c = coverage(
      suppliers,
      [
        { supplierId: 'a', acceptedAt: '2027-01-01T00:00:00.000Z', source: 'campaign' },
        { supplierId: 'b', acceptedAt: '2026-06-14T23:59:59.000Z', source: 'campaign' },
        { supplierId: 'd', acceptedAt: '2026-06-15T00:00:00.000Z', source: 'star' },
        { supplierId: 'zz', acceptedAt: '2027-01-01T00:00:00.000Z', source: 'campaign' },
      ],
      now,
    );
    expect(c.overall).toEqual({ total: 4, known: 2, rate: 0.5 });
    expect(c.byCriticality.high).toEqual({ total: 2, known: 1, rate: 0.5 });
    expect(c.byCriticality.low).toEqual({ total: 1, known: 0, rate: 0 });
    expect(c.byTier).toEqual([
      { tier: 1, cell: { total: 3, known: 1, rate: 1 / 3 } },
      { tier: 2, cell: { total: 1, known: 1, rate: 1 } },
    ]);
    expect([...c.knownSince.keys()].sort()).toEqual(['a', 'd']);
  });
  it('has no rate without suppliers', () => {
    expect(coverage([], [], now).overall).toEqual({ total: 0, known: 0, rate: null });
  });
});

describe('tiers', () => {
  const node = (id: string, parentId: string | null, over: Partial<ChainNode> = {}): ChainNode => ({
    id,
    parentId,
    tier: parentId === null ? 1 : 2,
    name: id,
    corporateNumber: null,
    linkedOrgId: null,
    criticality: 'medium',
    source: 'record',
    ...over,
  });
  it('finds one company behind several tier-1 suppliers by 法人番号, organization or name', () => {
    const nodes = [
      node('t1a', null),
      node('t1b', null),
      node('t1c', null),
      node('x1', 't1a', { name: '共通部品', corporateNumber: '7000012050002' }),
      node('x2', 't1b', { name: '共通部品(株)', corporateNumber: '7000012050002' }),
      node('x3', 't1c', { name: '共通部品', corporateNumber: '7000012050002', source: 'shared' }),
      node('y1', 't1a', { name: 'Cloud  Co' }),
      node('y2', 't1b', { name: 'cloud co' }),
      node('z1', 't1a', { name: '単独' }),
      node('z2', 't1a', { name: '単独', tier: 2 }),
    ];
    const found = concentrations(nodes);
    expect(found.map((c) => [c.key, c.behind.length])).toEqual([
      ['cn:7000012050002', 3],
      ['name:cloudco', 2],
    ]);
    expect(found[0]!.nodes).toEqual(['x1', 'x2', 'x3']);
    expect(companyKey({ corporateNumber: null, linkedOrgId: 'o1', name: 'n' })).toBe('org:o1');
  });
  it('ignores nodes whose chain loops or does not reach tier 1', () => {
    const nodes = [node('a', 'b'), node('b', 'a'), node('c', 'missing')];
    expect(concentrations(nodes, 1)).toEqual([]);
  });
});
