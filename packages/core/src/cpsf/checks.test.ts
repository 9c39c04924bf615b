import { describe, expect, it } from 'vitest';
import { checkModel, type ModelCheck } from './checks.ts';
import { edge, el, model } from './test-fixtures.ts';

const codes = (checks: ModelCheck[]) => checks.map((c) => c.code);
const only = (checks: ModelCheck[], code: string) => checks.filter((c) => c.code === code);

/** A clean two-organization model: every check passes. */
function clean() {
  return model(
    [
      el('ORG-A', { component: 'organization', layer: 1, owner: null }),
      el('ORG-B', { component: 'organization', layer: 1, owner: null }),
      el('SRV', { name: 'Server', orgRef: 'ORG-A' }),
      el('CLOUD', { orgRef: 'ORG-B' }),
      el('PLC', { component: 'thing', thingKind: 'hardware', layer: 2, orgRef: 'ORG-A' }),
      el('MOTOR', { component: 'thing', thingKind: 'hardware', layer: 2, orgRef: 'ORG-A' }),
      el('LOG', { component: 'data', dataClass: 'personal', orgRef: 'ORG-A', owner: null }),
    ],
    [
      edge('SRV', 'CLOUD', 'data_flow', { id: 'flow', encrypted: true, authenticated: true }),
      edge('ORG-A', 'ORG-B', 'contract', { id: 'nda' }),
      edge('PLC', 'MOTOR', 'physical_control', { id: 'ctl' }),
      edge('LOG', 'SRV', 'data_flow', { id: 'logflow', encrypted: true }),
    ],
  );
}

describe('checkModel', () => {
  it('finds nothing in a clean model', () => {
    expect(checkModel(clean(), '2025-04-01')).toEqual([]);
  });

  it('duplicate element and edge ids are errors', () => {
    const m = clean();
    m.elements.push(el('SRV'));
    m.edges.push(edge('PLC', 'MOTOR', 'physical_control', { id: 'ctl' }));
    const out = checkModel(m);
    expect(only(out, 'duplicate_element_id')).toMatchObject([{ severity: 'error', elementIds: ['SRV'] }]);
    expect(only(out, 'duplicate_edge_id')).toMatchObject([{ severity: 'error', edgeIds: ['ctl'] }]);
    expect(only(out, 'duplicate_element_id')[0]?.message.ja).toContain('「Server」(SRV)');
  });

  it('an edge to an unknown element is an error naming the missing id', () => {
    const m = clean();
    m.edges.push(edge('SRV', 'GHOST', 'network', { id: 'bad' }));
    const [c] = only(checkModel(m), 'edge_unknown_element');
    expect(c).toMatchObject({ severity: 'error', edgeIds: ['bad'] });
    expect(c?.message.en).toContain('"GHOST"');
  });

  it('a self-loop is an error', () => {
    const m = clean();
    m.edges.push(edge('SRV', 'SRV', 'data_flow', { id: 'loop', encrypted: true }));
    expect(only(checkModel(m), 'self_loop')).toMatchObject([{ elementIds: ['SRV'], edgeIds: ['loop'] }]);
  });

  it('orgRef must name an organization in the model', () => {
    const m = clean();
    m.elements.push(el('X', { orgRef: 'SRV' }), el('Y', { orgRef: 'NOPE' }));
    const out = only(checkModel(m), 'org_ref_not_organization');
    expect(out.map((c) => c.elementIds)).toEqual([['X'], ['Y']]);
    expect(out[0]?.message.ja).toContain('ソシキ（組織）ではありません');
    expect(out[1]?.message.en).toContain('not in the model');
  });

  it('thingKind on a non-thing is an error', () => {
    const m = clean();
    m.elements.push(el('APP', { component: 'system', thingKind: 'software' }));
    expect(only(checkModel(m), 'thing_kind_on_non_thing')).toMatchObject([{ elementIds: ['APP'] }]);
  });

  it('a layer-2 thing or system with no physical_control edge connects to nothing physical', () => {
    const m = clean();
    m.elements.push(
      el('CAM', { component: 'thing', thingKind: 'iot_device', layer: 2 }),
      el('HMI', { component: 'system', layer: 2 }),
      el('L3THING', { component: 'thing', thingKind: 'software', layer: 3 }),
    );
    m.edges.push(edge('CAM', 'SRV', 'network'));
    const out = only(checkModel(m), 'no_physical_link');
    expect(out.map((c) => c.elementIds[0])).toEqual(['CAM', 'HMI']);
    expect(out[0]?.message.ja).toContain('フィジカル空間の何ともつながっていません');
  });

  it('a data flow between organizations without a contract is flagged once per pair', () => {
    const m = clean();
    m.edges = m.edges.filter((e) => e.id !== 'nda');
    m.edges.push(edge('CLOUD', 'SRV', 'data_flow', { id: 'back', encrypted: true }));
    const out = only(checkModel(m), 'flow_without_contract');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'warning', edgeIds: ['flow', 'back'] });
    expect(out[0]?.elementIds.slice(0, 2).sort()).toEqual(['ORG-A', 'ORG-B']);
    // a contract between elements of the two organizations counts too
    m.edges.push(edge('SRV', 'CLOUD', 'contract'));
    expect(only(checkModel(m), 'flow_without_contract')).toEqual([]);
  });

  it('a flow from an organization element itself counts as that organization', () => {
    const m = clean();
    m.elements.push(el('ORG-C', { component: 'organization', layer: 1, owner: null }));
    m.edges.push(edge('ORG-C', 'SRV', 'data_flow', { encrypted: true }));
    expect(only(checkModel(m), 'flow_without_contract')[0]?.elementIds.slice(0, 2).sort()).toEqual([
      'ORG-A',
      'ORG-C',
    ]);
  });

  it('a system or thing with no owner', () => {
    const m = clean();
    m.elements.push(el('NOBODY', { owner: '  ' }), el('PROC', { component: 'procedure', owner: null }));
    expect(only(checkModel(m), 'no_owner').map((c) => c.elementIds)).toEqual([['NOBODY']]);
  });

  it('data with no classification', () => {
    const m = clean();
    m.elements.push(el('RAW', { component: 'data', dataClass: null }));
    expect(only(checkModel(m), 'data_unclassified').map((c) => c.elementIds)).toEqual([['RAW']]);
  });

  it('personal, confidential or secret data over an unencrypted data flow', () => {
    const m = clean();
    m.elements.push(
      el('PUB', { component: 'data', dataClass: 'public' }),
      el('SEC', { component: 'data', dataClass: 'secret' }),
    );
    m.edges.push(
      edge('PUB', 'SRV', 'data_flow', { id: 'pubflow' }),
      edge('SEC', 'SRV', 'data_flow', { id: 'secflow', encrypted: false }),
      edge('SEC', 'SRV', 'network', { id: 'secnet' }),
    );
    const out = only(checkModel(m), 'sensitive_data_unencrypted');
    expect(out).toMatchObject([{ elementIds: ['SEC'], edgeIds: ['secflow'] }]);
  });

  it('an element past its end of support, only when today is given', () => {
    const m = clean();
    m.elements.push(el('OLD', { supportEnds: '2024-12-31' }), el('NEW', { supportEnds: '2030-01-01' }));
    expect(only(checkModel(m, '2025-01-01'), 'support_ended').map((c) => c.elementIds)).toEqual([['OLD']]);
    expect(codes(checkModel(m))).not.toContain('support_ended');
    expect(only(checkModel(m, '2024-12-31'), 'support_ended')).toEqual([]);
  });

  it('every message is bilingual', () => {
    const m = clean();
    m.elements.push(el('SRV'), el('RAW', { component: 'data' }), el('NOBODY', { owner: null }));
    for (const c of checkModel(m)) expect(c.message.ja && c.message.en).toBeTruthy();
  });
});
