import { describe, expect, it } from 'vitest';
import type { CatalogPack, CatalogSummary, Relationship, SmeStatus } from '../../../api/types';
import { formatDate, todayInTokyo } from '../../../lib/format';
import {
  activeBuyers,
  catalogByTitle,
  aYearLater,
  compareVersions,
  declaredState,
  firstOpenStep,
  firstUnanswered,
  guidedItems,
  isDeclarationId,
  latestCatalog,
  policyPrintHtml,
  stepsDone,
} from './sme';

const t = (ja: string, en = ja) => ({ ja, en });

const summary = (id: string, urn: string, version: string, title = t('診断', 'Check')): CatalogSummary => ({
  id,
  urn,
  version,
  builtin: true,
  title,
  itemCount: 1,
  checksum: 'x',
  createdAt: '2025-01-01T00:00:00Z',
});

const status = (over: Partial<SmeStatus> = {}): SmeStatus => ({
  fiveRules: { assessmentId: null, declared: 0, total: 5 },
  selfCheck: { assessmentId: null, answered: 0, total: 25, points: null, band: null, doneAt: null },
  policy: { set: false, published: false, publicUrl: null },
  eligibility: {
    star1: false,
    star2: false,
    level: 'none',
    missing: ['five_rules', 'self_check', 'policy_set', 'policy_published'],
  },
  declarations: [],
  ...over,
});

describe('catalog versions', () => {
  it('compares versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.2')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
    expect(compareVersions('1.0', '1.0.1')).toBeLessThan(0);
  });

  it('picks the newest version of a URN', () => {
    const list = [
      summary('a', 'urn:x', '1.2.0'),
      summary('b', 'urn:x', '1.10.0'),
      summary('c', 'urn:y', '9.0.0'),
    ];
    expect(latestCatalog(list, 'urn:x')?.id).toBe('b');
    expect(latestCatalog(list, 'urn:z')).toBeNull();
  });

  it('finds catalogs by their title in both languages, newest first', () => {
    const list = [
      summary('a', 'urn:x', '1.0.0', t('診断', 'Check')),
      summary('b', 'urn:x', '1.1.0', t('診断', 'Check')),
      summary('c', 'urn:y', '1.0.0', t('診断', 'Other')),
    ];
    expect(catalogByTitle(list, t('診断', 'Check')).map((c) => c.id)).toEqual(['b', 'a']);
  });
});

describe('guided items', () => {
  const pack = {
    nodes: [
      {
        ref: 'part1',
        provenance: 'official',
        title: t('第1部'),
        children: [
          { ref: '1', provenance: 'official', title: t('一'), answerModel: 'm' },
          { ref: '2', provenance: 'official', title: t('二'), answerModel: 'm' },
        ],
      },
      { ref: '3', provenance: 'official', title: t('三'), answerModel: 'm' },
    ],
  } as unknown as CatalogPack;

  it('lists answerable items with their group', () => {
    const items = guidedItems(pack);
    expect(items.map((i) => [i.ref, i.group?.ref ?? null, i.index])).toEqual([
      ['1', 'part1', 0],
      ['2', 'part1', 1],
      ['3', null, 2],
    ]);
  });

  it('starts at the first unanswered item', () => {
    const items = guidedItems(pack);
    const answers = new Map([['1', { kind: 'choice' as const, value: 'yes' }]]);
    expect(firstUnanswered(items, answers)).toBe(1);
    answers.set('2', { kind: 'choice', value: 'no' });
    answers.set('3', { kind: 'choice', value: 'no' });
    expect(firstUnanswered(items, answers)).toBe(0);
  });
});

describe('steps', () => {
  it('opens the first step not done', () => {
    expect(firstOpenStep(status())).toBe('rules');
    const rulesDone = status({ fiveRules: { assessmentId: 'a', declared: 5, total: 5 } });
    expect(firstOpenStep(rulesDone)).toBe('check');
    const checked = status({
      fiveRules: { assessmentId: 'a', declared: 5, total: 5 },
      selfCheck: { assessmentId: 'b', answered: 25, total: 25, points: 80, band: null, doneAt: null },
    });
    expect(stepsDone(checked)).toEqual({
      rules: true,
      check: true,
      score: true,
      policy: false,
      action: false,
    });
    expect(firstOpenStep(checked)).toBe('policy');
  });
});

describe('declarations and buyers', () => {
  it('accepts only 6–15 digits as a declaration ID', () => {
    expect(isDeclarationId('123456')).toBe(true);
    expect(isDeclarationId(' 202504010123 ')).toBe(true);
    expect(isDeclarationId('12345')).toBe(false);
    expect(isDeclarationId('12AB5678')).toBe(false);
    expect(isDeclarationId('1234567890123456')).toBe(false);
  });

  it('lists active buyers of which this organization is the supplier', () => {
    const party = (id: string) => ({ id, name: id.toUpperCase(), slug: id });
    const rel = (over: Partial<Relationship>): Relationship => ({
      id: 'r',
      type: 'buyer_supplier',
      from: party('buyer'),
      to: party('me'),
      status: 'active',
      requestedBy: 'buyer',
      createdAt: '',
      acceptedAt: null,
      endedAt: null,
      ...over,
    });
    const buyers = activeBuyers(
      [
        rel({}),
        rel({ from: party('pending'), status: 'pending' }),
        rel({ from: party('me'), to: party('supplier') }),
        rel({ type: 'group_company', from: party('parent') }),
        rel({ id: 'r2' }),
      ],
      'me',
    );
    expect(buyers.map((b) => b.id)).toEqual(['buyer']);
  });
});

describe('printing and dates', () => {
  it('escapes the policy text in the printable page', () => {
    const html = policyPrintHtml(
      {
        title: '方針',
        preamble: '<script>x</script>',
        sections: [{ heading: 'A&B', body: '"q"' }],
        signature: [],
      },
      'ja',
    );
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('A&amp;B');
    expect(html).toContain('&quot;q&quot;');
    expect(html).toContain('<html lang="ja">');
  });

  it('formats calendar dates as dates in Japan', () => {
    expect(formatDate('2025-04-01', 'ja')).toBe('2025年4月1日');
    expect(formatDate('2025-04-01', 'en')).toBe('Apr 1, 2025');
    // 2025-03-31T16:00Z is already April 1st in Tokyo
    expect(formatDate('2025-03-31T16:00:00Z', 'ja')).toBe('2025年4月1日');
    expect(todayInTokyo(new Date('2025-03-31T16:00:00Z'))).toBe('2025-04-01');
  });
});

describe('declared state (overview and step 5 after a declaration)', () => {
  const decl = (id: string, level: 'star1' | 'star2', declaredOn: string) => ({
    id,
    level,
    declarationId: `5${id.padStart(10, '0')}`,
    declaredOn,
    createdAt: `${declaredOn}T00:00:00Z`,
  });

  it('is null until a declaration is recorded', () => {
    expect(declaredState(status())).toBeNull();
  });

  it('shows the best level declared, its date and the review a year later', () => {
    const s = status({
      eligibility: { star1: true, star2: true, level: 'star2', missing: [] },
      declarations: [decl('2', 'star1', '2026-06-01'), decl('1', 'star2', '2025-04-01')],
    });
    expect(declaredState(s)).toEqual({
      declaration: s.declarations[1],
      reviewOn: '2026-04-01',
      canUpgrade: false,
    });
  });

  it('offers ★★ when only ★ was declared and ★★ is now within reach', () => {
    const s = status({
      eligibility: { star1: true, star2: true, level: 'star2', missing: [] },
      declarations: [decl('1', 'star1', '2025-04-01')],
    });
    expect(declaredState(s)?.canUpgrade).toBe(true);
  });

  it('moves 29 February to 28 February of the next year', () => {
    expect(aYearLater('2024-02-29')).toBe('2025-02-28');
    expect(aYearLater('2025-12-31')).toBe('2026-12-31');
  });
});
