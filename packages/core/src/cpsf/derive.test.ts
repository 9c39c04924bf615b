import { describe, expect, it } from 'vitest';
import { deriveModel, overrideProblems, type DerivedElement } from './derive.ts';
import { heatMap } from './heat-map.ts';
import type { Categorization } from './model.ts';
import { ruleSet, type RiskSourceDef } from './rules.ts';
import { edge, el, model, realRules } from './test-fixtures.ts';

const rules = realRules();

/** A layer-2 IoT sensor that receives data from a gateway over an unauthenticated network connection. */
function sensorModel(categorization: Categorization) {
  return model(
    [
      el('ORG', { component: 'organization', layer: 1 }),
      el('GW', { name: 'Gateway', component: 'system', layer: 2, orgRef: 'ORG' }),
      el('S1', {
        name: 'Temperature sensor',
        component: 'thing',
        thingKind: 'iot_device',
        layer: 2,
        orgRef: 'ORG',
        owner: 'Facilities',
        version: '2.1',
        categorization,
      }),
    ],
    [
      edge('GW', 'S1', 'network', { authenticated: false, encrypted: true }),
      edge('GW', 'S1', 'data_flow', { authenticated: false, encrypted: true }),
    ],
  );
}

const sensor = (d: DerivedElement[]) => {
  const s = d.find((x) => x.elementId === 'S1');
  if (!s) throw new Error('S1 not derived');
  return s;
};

/**
 * Golden lists: what the shipped rules (catalogs/packs/shinrai-cpsf-risk-sources.yaml with
 * catalogs/mappings/cpsf-risk-sources-to-cpsf.yaml) derive for the sensor above. They are not generated
 * from this code. To regenerate after a deliberate change to those files: run
 * `npx vitest run packages/core/src/cpsf/derive.test.ts`, check every risk source or requirement the
 * diff adds or removes against the pack (its `applies`/`when` conditions), then copy vitest's
 * "Received" list here. A change the pack does not explain is a bug in derive.ts.
 */
const GOLDEN_RISK_SOURCES = ['RS-11', 'RS-12', 'RS-13', 'RS-14', 'RS-15', 'RS-17', 'RS-19'];

describe('deriveModel — golden: layer-2 IoT sensor', () => {
  it('life_safety Lv3: exactly these risk sources and every requirement at High-Advanced', () => {
    const s = sensor(deriveModel(sensorModel({ life_safety: 3 }), rules));
    expect(s.level).toMatchObject({ level: 'high_advanced', drivers: ['life_safety'] });
    expect(s.riskSources.map((r) => r.ref)).toEqual(GOLDEN_RISK_SOURCES);
    expect(s.riskSources.every((r) => r.origin === 'rule' && !r.dismissed && r.reason === null)).toBe(true);
    expect(s.requirements.map((q) => [q.ref, q.tier])).toEqual([
      ['RQ-11-1', 'basic'],
      ['RQ-11-2', 'advanced'],
      ['RQ-11-3', 'high_advanced'],
      ['RQ-12-1', 'basic'],
      ['RQ-12-2', 'advanced'],
      ['RQ-12-3', 'high_advanced'],
      ['RQ-13-1', 'basic'],
      ['RQ-13-2', 'advanced'],
      ['RQ-13-3', 'high_advanced'],
      ['RQ-14-1', 'basic'],
      ['RQ-14-2', 'advanced'],
      ['RQ-15-1', 'basic'],
      ['RQ-15-2', 'advanced'],
      ['RQ-15-3', 'high_advanced'],
      ['RQ-17-1', 'basic'],
      ['RQ-17-2', 'advanced'],
      ['RQ-17-3', 'high_advanced'],
      ['RQ-19-1', 'basic'],
      ['RQ-19-2', 'advanced'],
    ]);
    expect(s.requirements.find((q) => q.ref === 'RQ-11-1')).toEqual({
      ref: 'RQ-11-1',
      tier: 'basic',
      riskSources: ['RS-11'],
      cpsfRefs: ['CPS.AC-1'],
    });
  });

  it('explains why a rule matched', () => {
    const s = sensor(deriveModel(sensorModel({ life_safety: 3 }), rules));
    const rs11 = s.riskSources.find((r) => r.ref === 'RS-11');
    expect(rs11?.because.ja).toBe(
      '対象: 第2層・モノ。条件: 相手を認証していないデータの流れかネットワーク接続がある',
    );
    expect(s.riskSources.find((r) => r.ref === 'RS-13')?.because.en).toBe(
      'Applies to layer 2, Thing (IoT device)',
    );
  });

  it('the same sensor rated Lv1 gets only the basic requirements', () => {
    const s = sensor(deriveModel(sensorModel({ life_safety: 1, privacy: 1 }), rules));
    expect(s.level.level).toBe('basic');
    expect(s.riskSources.map((r) => r.ref)).toEqual(GOLDEN_RISK_SOURCES);
    expect(s.requirements.map((q) => q.ref)).toEqual([
      'RQ-11-1',
      'RQ-12-1',
      'RQ-13-1',
      'RQ-14-1',
      'RQ-15-1',
      'RQ-17-1',
      'RQ-19-1',
    ]);
  });

  it('Lv2 adds the advanced requirements but not the high-advanced ones', () => {
    const s = sensor(deriveModel(sensorModel({ assets: 2 }), rules));
    expect(s.requirements.some((q) => q.tier === 'advanced')).toBe(true);
    expect(s.requirements.some((q) => q.tier === 'high_advanced')).toBe(false);
  });

  it('authenticating the counterpart removes the unauthorized-device risk source', () => {
    const m = sensorModel({ life_safety: 3 });
    for (const e of m.edges) e.authenticated = true;
    const refs = sensor(deriveModel(m, rules)).riskSources.map((r) => r.ref);
    expect(refs).not.toContain('RS-11');
    expect(refs).toContain('RS-12');
  });

  it('a physical control edge adds the unverified-command risk source', () => {
    const m = sensorModel({ life_safety: 3 });
    m.elements.push(el('VALVE', { component: 'thing', thingKind: 'hardware', layer: 2 }));
    m.edges.push(edge('S1', 'VALVE', 'physical_control'));
    expect(sensor(deriveModel(m, rules)).riskSources.map((r) => r.ref)).toContain('RS-16');
  });

  it('support-ended needs today', () => {
    const m = sensorModel({ life_safety: 3 });
    const s1 = m.elements.find((e) => e.id === 'S1');
    if (s1) s1.supportEnds = '2024-03-31';
    expect(sensor(deriveModel(m, rules)).riskSources.map((r) => r.ref)).not.toContain('RS-18');
    expect(sensor(deriveModel(m, rules, [], '2025-04-01')).riskSources.map((r) => r.ref)).toContain('RS-18');
  });
});

describe('overrides', () => {
  it('dismissing a risk source keeps it listed with the reason and drops its requirements', () => {
    const s = sensor(
      deriveModel(sensorModel({ life_safety: 3 }), rules, [
        { elementId: 'S1', riskSourceRef: 'RS-19', action: 'dismiss', reason: 'Locked cabinet' },
      ]),
    );
    expect(s.riskSources.find((r) => r.ref === 'RS-19')).toMatchObject({
      origin: 'rule',
      dismissed: true,
      reason: 'Locked cabinet',
    });
    expect(s.requirements.map((q) => q.ref).filter((r) => r.startsWith('RQ-19'))).toEqual([]);
    expect(s.requirements).toHaveLength(17);
  });

  it('adding a risk source the rules did not give brings its requirements at the element level', () => {
    const s = sensor(
      deriveModel(sensorModel({ life_safety: 2 }), rules, [
        { elementId: 'S1', riskSourceRef: 'RS-18', action: 'add', reason: 'Vendor announced end of support' },
      ]),
    );
    expect(s.riskSources.find((r) => r.ref === 'RS-18')).toMatchObject({
      origin: 'added',
      dismissed: false,
      reason: 'Vendor announced end of support',
      because: { ja: '利用者が追加しました', en: 'Added by a user' },
    });
    expect(s.requirements.filter((q) => q.riskSources.includes('RS-18')).map((q) => q.ref)).toEqual([
      'RQ-18-1',
      'RQ-18-2',
    ]);
  });

  it('the last override per element and risk source wins; other elements are untouched', () => {
    const d = deriveModel(sensorModel({ life_safety: 3 }), rules, [
      { elementId: 'S1', riskSourceRef: 'RS-11', action: 'dismiss', reason: 'a' },
      { elementId: 'S1', riskSourceRef: 'RS-11', action: 'add', reason: 'b' },
    ]);
    expect(sensor(d).riskSources.find((r) => r.ref === 'RS-11')).toMatchObject({
      dismissed: false,
      reason: 'b',
    });
    expect(d.find((x) => x.elementId === 'GW')?.riskSources.some((r) => r.reason !== null)).toBe(false);
  });

  it('overrideProblems names unknown elements, unknown risk sources and empty reasons', () => {
    expect(
      overrideProblems(sensorModel({}), rules, [
        { elementId: 'NOPE', riskSourceRef: 'RS-01', action: 'add', reason: 'x' },
        { elementId: 'S1', riskSourceRef: 'RS-99', action: 'dismiss', reason: ' ' },
      ]),
    ).toEqual([
      { index: 0, problem: 'unknown_element', value: 'NOPE' },
      { index: 1, problem: 'unknown_risk_source', value: 'RS-99' },
      { index: 1, problem: 'empty_reason', value: '' },
    ]);
  });
});

describe('requirement deduplication', () => {
  const t = (s: string) => ({ ja: s, en: s });
  const def = (ref: string, reqs: [string, 'basic' | 'advanced', string[]][]): RiskSourceDef => ({
    ref,
    title: t(ref),
    layers: [],
    components: ['system'],
    thingKinds: [],
    when: [],
    functionRef: 'F',
    incidentRef: 'I',
    requirements: reqs.map(([r, tier, cpsfRefs]) => ({ ref: r, title: t(r), tier, cpsfRefs })),
  });
  const shared = ruleSet([
    def('A', [
      ['Q1', 'basic', ['CPS.AC-1']],
      ['Q2', 'advanced', []],
    ]),
    def('B', [
      ['Q3', 'basic', []],
      ['Q1', 'basic', ['CPS.AM-1']],
    ]),
  ]);

  it('a requirement shared by two risk sources appears once, listing both, in stable order', () => {
    const [x] = deriveModel(model([el('SYS', { categorization: { society: 2 } })]), shared);
    expect(x?.requirements).toEqual([
      { ref: 'Q1', tier: 'basic', riskSources: ['A', 'B'], cpsfRefs: ['CPS.AC-1', 'CPS.AM-1'] },
      { ref: 'Q2', tier: 'advanced', riskSources: ['A'], cpsfRefs: [] },
      { ref: 'Q3', tier: 'basic', riskSources: ['B'], cpsfRefs: [] },
    ]);
  });

  it('dismissing one of the two keeps the requirement for the other', () => {
    const [x] = deriveModel(model([el('SYS')]), shared, [
      { elementId: 'SYS', riskSourceRef: 'A', action: 'dismiss', reason: 'n/a' },
    ]);
    expect(x?.requirements.map((q) => [q.ref, q.riskSources])).toEqual([
      ['Q3', ['B']],
      ['Q1', ['B']],
    ]);
  });

  it('a duplicate element id is derived once (the first)', () => {
    const d = deriveModel(model([el('SYS'), el('SYS', { component: 'data' })]), shared);
    expect(d).toHaveLength(1);
    expect(d[0]?.riskSources.map((r) => r.ref)).toEqual(['A', 'B']);
  });
});

describe('heatMap', () => {
  it('counts elements, required, met and gaps per layer × component', () => {
    const m = sensorModel({ life_safety: 1 });
    const derived = deriveModel(m, rules);
    const status = (elementId: string, ref: string) =>
      elementId !== 'S1'
        ? null
        : ref === 'RQ-11-1'
          ? 'met'
          : ref === 'RQ-12-1'
            ? 'na'
            : ref === 'RQ-13-1'
              ? 'partial'
              : null;
    const cells = heatMap(m, derived, status);
    expect(cells).toHaveLength(18);
    expect(cells.find((c) => c.layer === 2 && c.component === 'thing')).toEqual({
      layer: 2,
      component: 'thing',
      elements: 1,
      required: 6,
      met: 1,
      gaps: 5,
    });
    const gw = derived.find((d) => d.elementId === 'GW')?.requirements.length ?? 0;
    expect(cells.find((c) => c.layer === 2 && c.component === 'system')).toMatchObject({
      elements: 1,
      required: gw,
      met: 0,
      gaps: gw,
    });
    expect(cells.find((c) => c.layer === 3 && c.component === 'data')).toMatchObject({
      elements: 0,
      required: 0,
    });
  });
});
