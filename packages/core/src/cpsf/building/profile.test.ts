import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkPackReferences, flattenPack, type CatalogPack, type PackNode } from '../../catalog/pack.ts';
import { checkBuildingPack } from './check.ts';
import { buildingProfileFromPack, deviceIdPrefix, measureLines } from './profile.ts';

/** The built-in pack as shipped (its JSON Schema validation is in test/catalogs/packs.test.ts). */
const loadBuildingPack = () =>
  parse(
    readFileSync(
      new URL('../../../../../catalogs/packs/shinrai-building-systems.yaml', import.meta.url),
      'utf8',
    ),
  ) as CatalogPack;

const pack = loadBuildingPack();
const profile = buildingProfileFromPack(pack);
const devices = profile.locations.flatMap((l) => l.devices);

/** A deep copy of the pack with one node changed. */
function withNode(ref: string, change: (n: PackNode) => void): CatalogPack {
  const copy = structuredClone(pack);
  const node = flattenPack(copy.nodes).find((n) => n.ref === ref)?.node;
  if (!node) throw new Error(`no node ${ref}`);
  change(node);
  return copy;
}

describe('building-systems profile pack', () => {
  it('has its id, consistent references and only own refs', () => {
    expect(pack.id).toBe('urn:shinrai:catalog:building-systems-profile');
    expect(checkPackReferences(pack)).toEqual([]);
    expect(
      flattenPack(pack.nodes).every((n) => n.node.provenance === 'own' && n.ref.startsWith('BLD-')),
    ).toBe(true);
  });

  it('has the shape of a building profile (no problems)', () => {
    expect(checkBuildingPack(pack)).toEqual([]);
  });
});

describe('buildingProfileFromPack (real pack)', () => {
  it('reads the five locations in order', () => {
    expect(profile.packId).toBe(pack.id);
    expect(profile.locations.map((l) => l.ref)).toEqual([
      'BLD-LOC-MGT',
      'BLD-LOC-CMR',
      'BLD-LOC-MR',
      'BLD-LOC-WR',
      'BLD-LOC-END',
    ]);
    expect(profile.locations.find((l) => l.ref === 'BLD-LOC-CMR')?.title).toEqual({
      ja: '防災センター（中央監視室）',
      en: 'Disaster-prevention centre (central monitoring room)',
    });
  });

  it('reads device types with their element shape and location', () => {
    expect(devices.length).toBeGreaterThanOrEqual(14);
    expect(new Set(devices.map((d) => deviceIdPrefix(d.ref))).size).toBe(devices.length);
    const ddc = devices.find((d) => d.ref === 'BLD-DEV-DDC');
    expect(ddc).toMatchObject({
      component: 'thing',
      thingKind: 'hardware',
      layer: 2,
      locationRef: 'BLD-LOC-MR',
      controlsPhysical: true,
      physicalRole: 'controls',
      externalBoundary: false,
    });
    expect(devices.find((d) => d.ref === 'BLD-DEV-SNS')).toMatchObject({
      thingKind: 'iot_device',
      layer: 2,
      physicalRole: 'senses',
      controlsPhysical: true,
      locationRef: 'BLD-LOC-END',
    });
    expect(devices.find((d) => d.ref === 'BLD-DEV-LINK')).toMatchObject({
      component: 'system',
      thingKind: null,
      layer: 3,
    });
    expect(devices.filter((d) => d.externalBoundary).map((d) => d.ref)).toEqual(['BLD-DEV-EXTFW']);
    for (const d of devices) {
      expect(d.thingKind !== null, d.ref).toBe(d.component === 'thing');
      // Every layer-2 device type acts on or senses equipment.
      if (d.layer === 2) expect(d.controlsPhysical, d.ref).toBe(true);
    }
  });

  it('gives every device type at least one requirement, and every requirement a phase and its measures', () => {
    for (const d of devices) expect(d.requirementRefs.length, d.ref).toBeGreaterThanOrEqual(1);
    expect(profile.requirements.length).toBeGreaterThanOrEqual(20);
    expect(profile.requirements.map((r) => r.ref).sort()).toEqual(
      devices.flatMap((d) => d.requirementRefs).sort(),
    );
    for (const r of profile.requirements) {
      expect(r.phases.length, r.ref).toBeGreaterThanOrEqual(1);
      expect(Object.keys(r.measures).sort(), r.ref).toEqual([...r.phases].sort());
      expect(r.riskSource, r.ref).not.toBeNull();
      expect(r.incident.ja && r.incident.en).toBeTruthy();
    }
    // Every phase is covered by some requirement.
    expect(new Set(profile.requirements.flatMap((r) => r.phases))).toEqual(
      new Set(['plan', 'procure', 'operate', 'dispose']),
    );
  });

  it('reads one requirement in full', () => {
    const r = profile.requirements.find((x) => x.ref === 'BLD-REQ-14');
    expect(r).toMatchObject({ deviceRef: 'BLD-DEV-DDC', riskRef: 'BLD-RSK-13', phases: ['plan', 'dispose'] });
    expect(r?.measures.dispose?.ja).toMatch(/^消去を実施/);
    expect(r?.measures.dispose?.en).toMatch(/^Erase the data/);
    expect(r?.measures.operate).toBeUndefined();
  });

  it('labels the phases from the pack, in lifecycle order', () => {
    expect(profile.phases.map((p) => p.id)).toEqual(['plan', 'procure', 'operate', 'dispose']);
    expect(profile.phases[0]?.label).toEqual(pack.tags?.phase?.plan);
  });
});

describe('measureLines', () => {
  it('reads phase lines in each language and ignores other lines', () => {
    expect([...measureLines('計画：設計する\n注記\n運用: 確かめる\n廃棄：', 'ja')]).toEqual([
      ['plan', '設計する'],
      ['operate', '確かめる'],
    ]);
    expect([...measureLines('Plan: design it\nPlanning: no\nDispose: wipe', 'en')]).toEqual([
      ['plan', 'design it'],
      ['dispose', 'wipe'],
    ]);
  });
});

describe('checkBuildingPack', () => {
  const pointers = (p: CatalogPack) => checkBuildingPack(p).map((x) => x.pointer);

  it('finds a measure line without its phase tag, in both languages', () => {
    const broken = withNode('BLD-REQ-01', (n) => {
      n.tags = (n.tags ?? []).filter((t) => t !== 'phase:dispose');
    });
    expect(pointers(broken)).toEqual([
      '/nodes/0/children/0/children/0/children/0/guidance/ja',
      '/nodes/0/children/0/children/0/children/0/guidance/en',
    ]);
    expect(buildingProfileFromPack(broken).requirements.find((r) => r.ref === 'BLD-REQ-01')?.phases).toEqual([
      'plan',
      'procure',
      'operate',
    ]);
  });

  it('finds a requirement with no phase at all', () => {
    const broken = withNode('BLD-REQ-02', (n) => {
      n.tags = [];
      n.guidance = { ja: 'なし', en: 'none' };
    });
    expect(pointers(broken)).toEqual(['/nodes/0/children/1/children/0/children/0/tags']);
  });

  it('finds a device type without a layer, and leaves it out of the profile', () => {
    const broken = withNode('BLD-DEV-GW', (n) => {
      n.tags = ['component:thing', 'thing:hardware'];
    });
    expect(pointers(broken)).toEqual(['/nodes/2/children/2/tags']);
    expect(
      buildingProfileFromPack(broken)
        .locations.flatMap((l) => l.devices)
        .map((d) => d.ref),
    ).not.toContain('BLD-DEV-GW');
  });

  it('finds a device type without requirements, and a reserved id prefix', () => {
    const broken = withNode('BLD-DEV-RACKSW', (n) => {
      n.ref = 'BLD-DEV-SYS';
      n.children = [];
    });
    expect(pointers(broken)).toEqual(['/nodes/3/children/0/ref', '/nodes/3/children/0/children']);
  });
});
