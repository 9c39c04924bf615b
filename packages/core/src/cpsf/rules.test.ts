import { describe, expect, it } from 'vitest';
import { flattenPack, type CatalogPack, type PackNode } from '../catalog/pack.ts';
import { deriveModel } from './derive.ts';
import { LAYERS, type Element, type Model } from './model.ts';
import { rulesFromPack, type RiskSourceDef } from './rules.ts';
import { el, model, readCpsfPack, readRiskMapping, readRiskPack, realRules } from './test-fixtures.ts';
import { WHEN_PREDICATES } from './when.ts';

/**
 * A small model in which element "X" satisfies everything a risk source asks for: its layer, component and
 * thing kind, and each of its `when` predicates (built here independently of the predicates' code).
 */
function witness(def: RiskSourceDef): { model: Model; today: string } {
  const component = def.components[0] ?? (def.thingKinds.length > 0 ? 'thing' : 'system');
  const x: Element = el('X', {
    component,
    layer: def.layers[0] ?? 2,
    thingKind: component === 'thing' ? (def.thingKinds[0] ?? 'hardware') : null,
    orgRef: component === 'organization' ? null : 'ORG-1',
    owner: 'owner',
    version: '1.0',
    dataClass: component === 'data' ? 'internal' : null,
    criticality: 'medium',
    categorization: { assets: 3 },
  });
  const m = model([x, el('ORG-1', { component: 'organization', layer: 1 }), el('P', { orgRef: 'ORG-1' })]);
  const add = (e: Omit<Model['edges'][number], 'id'>) => m.edges.push({ id: `w${m.edges.length}`, ...e });
  for (const w of def.when) {
    switch (w) {
      case 'receives-data':
        add({ from: 'P', to: 'X', kind: 'data_flow', authenticated: true, encrypted: true });
        break;
      case 'sends-data':
        add({ from: 'X', to: 'P', kind: 'data_flow', authenticated: true, encrypted: true });
        break;
      case 'unauthenticated-input':
        add({ from: 'P', to: 'X', kind: 'data_flow', authenticated: false, encrypted: true });
        break;
      case 'unencrypted-link':
        add({ from: 'X', to: 'P', kind: 'network', encrypted: false });
        break;
      case 'networked':
        add({ from: 'X', to: 'P', kind: 'network', encrypted: true, authenticated: true });
        break;
      case 'cross-org-flow':
      case 'partner-without-contract':
        m.elements.push(el('ORG-2', { component: 'organization', layer: 1 }), el('Q', { orgRef: 'ORG-2' }));
        add({ from: 'X', to: 'Q', kind: 'data_flow', encrypted: true, authenticated: true });
        break;
      case 'physical-control':
        m.elements.push(el('ACT', { component: 'thing', thingKind: 'hardware', layer: 2 }));
        add({ from: 'X', to: 'ACT', kind: 'physical_control' });
        break;
      case 'no-owner':
        x.owner = null;
        break;
      case 'no-version':
        x.version = null;
        break;
      case 'support-ended':
        x.supportEnds = '2020-03-31';
        break;
      case 'unclassified-data':
        x.dataClass = null;
        break;
      case 'personal-data':
        x.dataClass = 'personal';
        break;
      case 'sensitive-data':
        if (x.dataClass !== 'personal') x.dataClass = 'secret';
        break;
      case 'high-criticality':
        x.criticality = 'high';
        break;
      default:
        throw new Error(`the witness builder does not know when:${w}`);
    }
  }
  return { model: m, today: '2025-04-01' };
}

describe('rulesFromPack on the real risk-source pack and mapping', () => {
  const pack = readRiskPack();
  const rules = realRules();

  it('has 25–40 risk sources, each with 1–4 requirements and at least one basic', () => {
    expect(rules.riskSources.length).toBeGreaterThanOrEqual(25);
    expect(rules.riskSources.length).toBeLessThanOrEqual(40);
    for (const r of rules.riskSources) {
      expect(r.requirements.length, r.ref).toBeGreaterThanOrEqual(1);
      expect(r.requirements.length, r.ref).toBeLessThanOrEqual(4);
      expect(
        r.requirements.some((q) => q.tier === 'basic'),
        r.ref,
      ).toBe(true);
    }
  });

  it('reads every requirement item of the pack, under a function and an incident group', () => {
    const items = flattenPack(pack.nodes).filter((n) => n.kind === 'item');
    expect([...rules.requirements.keys()].sort()).toEqual(items.map((n) => n.ref).sort());
    for (const r of rules.riskSources) {
      expect(rules.groupTitles.get(r.functionRef)?.ja, r.ref).toBeTruthy();
      expect(rules.groupTitles.get(r.incidentRef)?.en, r.ref).toBeTruthy();
    }
  });

  it('covers the seed chain on every layer', () => {
    for (const layer of LAYERS)
      expect(
        rules.riskSources.some((r) => r.layers.includes(layer)),
        `layer ${layer}`,
      ).toBe(true);
    const titles = rules.riskSources.map((r) => r.title.en).join(' | ');
    for (const phrase of [
      'governs security',
      'Partners’ security status',
      'unauthorized IoT',
      'outside the allowed range',
      'channel is not protected',
      'counterpart is not identified',
    ])
      expect(titles).toContain(phrase);
  });

  it('uses only known when: predicates, and every node is ours (provenance own)', () => {
    for (const r of rules.riskSources)
      for (const w of r.when) expect(Object.keys(WHEN_PREDICATES)).toContain(w);
    expect(flattenPack(pack.nodes).every((n) => n.node.provenance === 'own')).toBe(true);
  });

  it('declares tiers so that advanced includes basic and high_advanced includes advanced', () => {
    expect(pack.tiers?.map((t) => [t.id, t.includes ?? []])).toEqual([
      ['basic', []],
      ['advanced', ['basic']],
      ['high_advanced', ['advanced']],
    ]);
  });

  it('resolves cpsfRefs from the real mapping, only to the 15 confirmed CPSF ids', () => {
    const mapping = readRiskMapping();
    expect(mapping.target).toBe(readCpsfPack().id);
    const confirmed = new Set(
      flattenPack(readCpsfPack().nodes)
        .filter((n) => n.kind === 'item')
        .map((n) => n.ref),
    );
    expect(confirmed.size).toBe(15);
    for (const e of mapping.entries) {
      expect(confirmed.has(e.target), e.target).toBe(true);
      expect(rules.requirements.get(e.source)?.cpsfRefs, e.source).toContain(e.target);
    }
    expect(rules.requirements.get('RQ-11-1')?.cpsfRefs).toEqual(['CPS.AC-1']);
    expect(rules.requirements.get('RQ-27-2')?.cpsfRefs).toEqual(['CPS.CM-1', 'CPS.AE-1']);
    const mapped = new Set(mapping.entries.map((e) => e.source));
    for (const [ref, q] of rules.requirements) if (!mapped.has(ref)) expect(q.cpsfRefs, ref).toEqual([]);
  });

  it.each(realRules().riskSources.map((r) => [r.ref, r] as const))(
    '%s is reachable: its witness element gets it with every requirement at High-Advanced',
    (_ref, def) => {
      const { model: m, today } = witness(def);
      const x = deriveModel(m, rules, [], today).find((d) => d.elementId === 'X');
      expect(x?.riskSources.map((r) => r.ref)).toContain(def.ref);
      const got = new Set(x?.requirements.map((q) => q.ref));
      for (const q of def.requirements) expect(got.has(q.ref), q.ref).toBe(true);
      // and the layer filter is real: on any other layer it does not apply
      for (const other of LAYERS.filter((l) => def.layers.length > 0 && !def.layers.includes(l))) {
        const moved = { ...m, elements: m.elements.map((e) => (e.id === 'X' ? { ...e, layer: other } : e)) };
        const y = deriveModel(moved, rules, [], today).find((d) => d.elementId === 'X');
        expect(y?.riskSources.map((r) => r.ref)).not.toContain(def.ref);
      }
    },
  );
});

describe('rulesFromPack problems are values', () => {
  const base = (): CatalogPack => structuredClone(readRiskPack());
  const rsNode = (p: CatalogPack, ref: string): PackNode => {
    const n = flattenPack(p.nodes).find((f) => f.ref === ref)?.node;
    if (!n) throw new Error(ref);
    return n;
  };

  it('an unknown when: predicate', () => {
    const p = base();
    rsNode(p, 'RS-11').tags?.push('when:moon-is-full');
    expect(rulesFromPack(p)).toEqual({
      ok: false,
      problems: [{ ref: 'RS-11', problem: 'unknown_when', value: 'moon-is-full' }],
    });
  });

  it('an unknown layer or component value', () => {
    const p = base();
    rsNode(p, 'RS-11').tags?.push('layer:4', 'component:robot');
    const r = rulesFromPack(p);
    expect(r.ok ? [] : r.problems.map((x) => x.value)).toEqual(['layer:4', 'component:robot']);
  });

  it('a risk source without a basic requirement, and a requirement with an unknown tier', () => {
    const p = base();
    const rs = rsNode(p, 'RS-22');
    const item = rs.children?.[0];
    if (item) item.tier = 'advanced';
    const rs2 = rsNode(p, 'RS-23');
    const item2 = rs2.children?.[1];
    if (item2) item2.tier = 'extreme';
    const r = rulesFromPack(p);
    expect(r.ok ? [] : r.problems).toEqual([
      { ref: 'RS-22', problem: 'no_basic_requirement', value: 'RS-22' },
      { ref: 'RQ-23-2', problem: 'unknown_tier', value: 'extreme' },
    ]);
  });

  it('a tree of another shape', () => {
    const p = base();
    p.nodes.push({ ref: 'STRAY', provenance: 'own', title: { ja: 'x', en: 'x' }, answerModel: 'status' });
    const r = rulesFromPack(p);
    expect(r.ok ? [] : r.problems).toContainEqual({
      ref: 'STRAY',
      problem: 'bad_structure',
      value: 'expected a group with children',
    });
  });

  it('a mapping entry for a requirement the pack does not have', () => {
    const r = rulesFromPack(base(), { entries: [{ source: 'RQ-99-9', target: 'CPS.AM-1' }] });
    expect(r.ok ? [] : r.problems).toEqual([
      { ref: 'RQ-99-9', problem: 'mapping_unknown_source', value: 'CPS.AM-1' },
    ]);
  });
});
