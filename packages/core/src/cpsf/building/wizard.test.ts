import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { CatalogPack } from '../../catalog/pack.ts';
import type { Edge, Element, Model } from '../model.ts';
import { COLUMN_STEP, LANE_HEIGHT, LANE_TOP, ROW_STEP } from './layout.ts';
import { buildingProfileFromPack } from './profile.ts';
import { instantiateBuildingModel, type WizardResult } from './wizard.ts';
import type { BuildingWizardInput } from './wizard-input.ts';

/** The built-in pack as shipped (its JSON Schema validation is in test/catalogs/packs.test.ts). */
const loadBuildingPack = () =>
  parse(
    readFileSync(
      new URL('../../../../../catalogs/packs/shinrai-building-systems.yaml', import.meta.url),
      'utf8',
    ),
  ) as CatalogPack;

const profile = buildingProfileFromPack(loadBuildingPack());

const input = (over: Partial<BuildingWizardInput> = {}): BuildingWizardInput => ({
  buildingName: '信頼ビル',
  ownerName: '信頼不動産株式会社',
  managementCompany: '信頼ビルサービス株式会社',
  devices: [
    { ref: 'BLD-DEV-DDC', count: 3 },
    { ref: 'BLD-DEV-HMI', count: 1 },
    { ref: 'BLD-DEV-SNS', count: 2 },
    { ref: 'BLD-DEV-EXTFW', count: 1 },
    { ref: 'BLD-DEV-MPC', count: 1 },
    { ref: 'BLD-DEV-SRV', count: 1 },
    { ref: 'BLD-DEV-GW', count: 0 },
  ],
  externalConnection: true,
  cloud: true,
  ...over,
});

function modelOf(r: WizardResult): Model {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.model;
}

const tally = (xs: readonly string[]) =>
  xs.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x]: (acc[x] ?? 0) + 1 }), {});

const byId = (m: Model) => new Map(m.elements.map((e) => [e.id, e]));
const edge = (m: Model, kind: Edge['kind'], from: string, to: string) =>
  m.edges.find((e) => e.kind === kind && e.from === from && e.to === to);

/** Structural soundness every generated model must have. */
function expectSound(m: Model) {
  const ids = m.elements.map((e) => e.id);
  expect(new Set(ids).size, 'duplicate element ids').toBe(ids.length);
  const edgeIds = m.edges.map((e) => e.id);
  expect(new Set(edgeIds).size, 'duplicate edge ids').toBe(edgeIds.length);
  const els = byId(m);
  for (const e of m.edges) {
    expect(els.has(e.from), `${e.id} from`).toBe(true);
    expect(els.has(e.to), `${e.id} to`).toBe(true);
    expect(e.id.length).toBeLessThanOrEqual(64);
  }
  for (const el of m.elements) {
    expect(el.id.length).toBeLessThanOrEqual(64);
    expect(el.name.trim()).not.toBe('');
    if (el.orgRef != null) expect(els.get(el.orgRef)?.component, `${el.id} orgRef`).toBe('organization');
    expect(el.thingKind != null, `${el.id} thingKind`).toBe(el.component === 'thing');
  }
  // Every layer-2 device reaches a physical_control edge (directly, or via its path), or is itself equipment.
  const out = (id: string) => m.edges.filter((e) => e.from === id);
  const reachesControl = (start: string) => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop() ?? '';
      if (seen.has(id)) continue;
      seen.add(id);
      for (const e of out(id)) {
        if (e.kind === 'physical_control') return true;
        stack.push(e.to);
      }
    }
    return false;
  };
  const isEquipment = (id: string) => m.edges.some((e) => e.kind === 'physical_control' && e.to === id);
  for (const el of m.elements.filter((e) => e.layer === 2))
    expect(reachesControl(el.id) || isEquipment(el.id), `${el.id} physical path`).toBe(true);
}

/** Positions (relative to the element's lane): inside the lane; no two of one lane closer than a column or a row. */
function expectLaidOut(m: Model) {
  const pos = (e: Element) => e.position ?? { x: Number.NaN, y: Number.NaN };
  for (const el of m.elements) {
    const { x, y } = pos(el);
    expect(x, el.id).toBeGreaterThanOrEqual(0);
    expect(y, el.id).toBeGreaterThanOrEqual(LANE_TOP);
    expect(y + ROW_STEP - 10, el.id).toBeLessThanOrEqual(LANE_HEIGHT);
    expect((x - pos(m.elements[0] ?? el).x) % COLUMN_STEP, el.id).toBe(0);
  }
  for (let i = 0; i < m.elements.length; i += 1)
    for (let j = i + 1; j < m.elements.length; j += 1) {
      if (m.elements[i]?.layer !== m.elements[j]?.layer) continue;
      const a = pos(m.elements[i] as Element);
      const b = pos(m.elements[j] as Element);
      const apart = Math.abs(a.x - b.x) >= COLUMN_STEP || Math.abs(a.y - b.y) >= ROW_STEP;
      expect(apart, `${m.elements[i]?.id} overlaps ${m.elements[j]?.id}`).toBe(true);
    }
}

/**
 * Golden model: the counts, ids, edges, names and positions below are what the building pack
 * (catalogs/packs/shinrai-building-systems.yaml) and the input above give. To regenerate after a
 * deliberate change to the pack or to wizard.ts/layout.ts: run
 * `npx vitest run packages/core/src/cpsf/building/wizard.test.ts`, check each difference vitest prints
 * against the pack's device templates, then update the expected values here by hand (one failing
 * expectation at a time; never paste a whole new model unchecked).
 */
describe('instantiateBuildingModel — golden model', () => {
  const m = modelOf(instantiateBuildingModel(profile, input()));
  const els = byId(m);

  it('has the expected elements per component and layer', () => {
    expect(m.elements).toHaveLength(22);
    expect(tally(m.elements.map((e) => e.component))).toEqual({
      organization: 3,
      people: 2,
      procedure: 2,
      system: 3,
      thing: 10,
      data: 2,
    });
    expect(tally(m.elements.map((e) => String(e.layer)))).toEqual({ '1': 7, '2': 6, '3': 9 });
    expect(m.elements.filter((e) => e.layer === 2).map((e) => e.id)).toEqual([
      'DDC-01',
      'DDC-02',
      'DDC-03',
      'SNS-01',
      'SNS-02',
      'EQP-01',
    ]);
    expect(m.elements.some((e) => e.id.startsWith('GW-'))).toBe(false);
  });

  it('has the expected edges', () => {
    expect(tally(m.edges.map((e) => e.kind))).toEqual({
      contract: 2,
      network: 11,
      physical_control: 5,
      data_flow: 6,
    });
    expect(edge(m, 'contract', 'ORG-OWNER', 'ORG-MGMT')?.label).toBe('ビル管理業務の委託契約');
    expect(edge(m, 'contract', 'ORG-OWNER', 'ORG-CLOUD')).toBeDefined();
    expect(edge(m, 'network', 'DDC-02', 'SYS-BMS')?.id).toBe('net-DDC-02-SYS-BMS');
    expect(edge(m, 'physical_control', 'DDC-03', 'EQP-01')?.label).toBe('制御');
    expect(edge(m, 'physical_control', 'SNS-01', 'EQP-01')?.label).toBe('計測');
    expect(edge(m, 'network', 'EXTFW-01', 'EXT-NET')).toBeDefined();
    expect(edge(m, 'network', 'SYS-BMS', 'EXT-NET')).toBeUndefined();
    expect(edge(m, 'network', 'EXT-NET', 'SYS-CLOUD')).toBeDefined();
    expect(edge(m, 'data_flow', 'DAT-OPS', 'SYS-CLOUD')).toBeDefined();
    expect(edge(m, 'data_flow', 'DAT-OPS', 'ORG-MGMT')).toBeDefined();
    expect(edge(m, 'data_flow', 'DAT-CFG', 'SYS-BMS')).toBeDefined();
  });

  it('fills in organizations, locations and data classes', () => {
    expect(els.get('ORG-OWNER')).toMatchObject({
      name: '信頼不動産株式会社',
      component: 'organization',
      layer: 1,
    });
    expect(els.get('ORG-MGMT')?.name).toBe('信頼ビルサービス株式会社');
    expect(els.get('PPL-OPS')).toMatchObject({ component: 'people', layer: 1, orgRef: 'ORG-MGMT' });
    expect(els.get('PRC-MNT')).toMatchObject({ component: 'procedure', layer: 1, orgRef: 'ORG-MGMT' });
    expect(els.get('SYS-BMS')).toMatchObject({
      name: '信頼ビル ビル管理システム',
      component: 'system',
      layer: 3,
    });
    expect(els.get('DDC-01')).toMatchObject({
      name: 'コントローラ（DDC・PLCなど） 01',
      thingKind: 'hardware',
      location: '機械室・制御盤ボックス',
      orgRef: 'ORG-OWNER',
      attributes: { template: 'BLD-DEV-DDC' },
    });
    expect(els.get('HMI-01')?.location).toBe('防災センター（中央監視室）');
    expect(els.get('SYS-CLOUD')).toMatchObject({ orgRef: 'ORG-CLOUD', layer: 3 });
    expect(els.get('DAT-OPS')?.dataClass).toBe('internal');
    expect(els.get('DAT-CFG')?.dataClass).toBe('confidential');
  });

  it('is sound and laid out in three lanes without overlap', () => {
    expectSound(m);
    expectLaidOut(m);
    // The first element of each lane sits at the lane's top left (positions are lane-relative).
    expect(els.get('ORG-OWNER')?.position).toEqual({ x: 20, y: 60 });
    expect(els.get('DDC-01')?.position).toEqual({ x: 20, y: 60 });
    expect(els.get('SYS-BMS')?.position).toEqual({ x: 20, y: 60 });
  });

  it('names things in English when asked', () => {
    const en = byId(modelOf(instantiateBuildingModel(profile, input(), 'en')));
    expect(en.get('SYS-BMS')?.name).toBe('信頼ビル building management system');
    expect(en.get('DDC-01')?.name).toBe('Controllers (DDC, PLC and similar) 01');
    expect(en.get('DDC-01')?.location).toBe('Machine rooms and control-panel boxes');
    expect(en.get('PPL-MNT')?.name).toBe('Maintenance staff');
  });
});

describe('instantiateBuildingModel — variants', () => {
  it('without a management company, cloud or external connection: people belong to the owner', () => {
    const m = modelOf(
      instantiateBuildingModel(
        profile,
        input({
          managementCompany: '  ',
          externalConnection: false,
          cloud: false,
          devices: [{ ref: 'BLD-DEV-PC', count: 2 }],
        }),
      ),
    );
    expect(m.elements.map((e) => e.id)).toEqual([
      'ORG-OWNER',
      'PPL-OPS',
      'PPL-MNT',
      'PRC-OPS',
      'PRC-MNT',
      'SYS-BMS',
      'PC-01',
      'PC-02',
      'DAT-OPS',
      'DAT-CFG',
    ]);
    expect(m.elements.find((e) => e.id === 'PPL-OPS')?.orgRef).toBe('ORG-OWNER');
    expect(m.edges.filter((e) => e.kind === 'contract')).toEqual([]);
    // No controller, so no equipment element and no layer-2 lane content.
    expect(m.elements.some((e) => e.layer === 2)).toBe(false);
    expectSound(m);
  });

  it('connects the system itself to the outside when there is no firewall', () => {
    const m = modelOf(
      instantiateBuildingModel(profile, input({ cloud: false, devices: [{ ref: 'BLD-DEV-DDC', count: 1 }] })),
    );
    expect(edge(m, 'network', 'SYS-BMS', 'EXT-NET')).toBeDefined();
    expect(m.elements.some((e) => e.id === 'SYS-CLOUD' || e.id === 'ORG-CLOUD')).toBe(false);
    expectSound(m);
  });

  it('numbers up to 200 per type with stable ids, every template at once', () => {
    const all = profile.locations.flatMap((l) => l.devices).map((d) => ({ ref: d.ref, count: 200 }));
    const m = modelOf(instantiateBuildingModel(profile, input({ devices: all })));
    const ddc = m.elements.filter((e) => e.attributes?.template === 'BLD-DEV-DDC').map((e) => e.id);
    expect(ddc).toHaveLength(200);
    expect(ddc.slice(0, 2)).toEqual(['DDC-01', 'DDC-02']);
    expect(ddc.slice(-2)).toEqual(['DDC-199', 'DDC-200']);
    expect(m.elements.filter((e) => e.attributes?.template !== undefined)).toHaveLength(all.length * 200);
    expectSound(m);
    // Lanes stay 300 px tall however many elements there are.
    for (const el of m.elements) expect(el.position?.y ?? -1).toBeLessThan(LANE_HEIGHT);
  });
});

describe('instantiateBuildingModel — problems', () => {
  const problems = (over: Partial<BuildingWizardInput>) => {
    const r = instantiateBuildingModel(profile, input(over));
    return r.ok ? [] : r.problems;
  };

  it('locates each problem by JSON pointer, with ja and en messages', () => {
    const p = problems({
      buildingName: '  ',
      ownerName: '',
      devices: [
        { ref: 'BLD-DEV-DDC', count: 1 },
        { ref: 'BLD-DEV-NOPE', count: 1 },
        { ref: 'BLD-DEV-SNS', count: 201 },
        { ref: 'BLD-DEV-HMI', count: 1.5 },
        { ref: 'BLD-DEV-DDC', count: 2 },
        { ref: 'BLD-DEV-SRV', count: -1 },
      ],
      externalConnection: false,
      cloud: true,
    });
    expect(p.map((x) => x.pointer)).toEqual([
      '/buildingName',
      '/ownerName',
      '/devices/1/ref',
      '/devices/2/count',
      '/devices/3/count',
      '/devices/4/ref',
      '/devices/5/count',
      '/cloud',
    ]);
    for (const x of p) {
      expect(x.message.ja).toMatch(/[ぁ-んァ-ヶ一-龯]/);
      expect(x.message.en).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(p[2]?.message.ja).toContain('BLD-DEV-NOPE');
  });

  it('asks for at least one device', () => {
    expect(problems({ devices: [] }).map((x) => x.pointer)).toEqual(['/devices']);
    expect(problems({ devices: [{ ref: 'BLD-DEV-DDC', count: 0 }] }).map((x) => x.pointer)).toEqual([
      '/devices',
    ]);
  });

  it('rejects over-long names', () => {
    expect(problems({ managementCompany: 'x'.repeat(201) }).map((x) => x.pointer)).toEqual([
      '/managementCompany',
    ]);
    expect(problems({ buildingName: 'x'.repeat(200) })).toEqual([]);
  });
});
