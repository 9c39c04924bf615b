import type { CatalogPack, PackNode, Text } from '../../catalog/pack.ts';
import { COMPONENTS, LAYERS, THING_KINDS, type Component, type Layer, type ThingKind } from '../model.ts';

/**
 * Building-systems sector profile (ビルシステム): the pack's tree read as templates —
 * location (場所) → device type (機器) → risk (インシデントとリスク源) → policy-level requirement (対策要件)
 * → measures per lifecycle phase (ライフサイクル別の対策).
 */

/** Lifecycle phases: 計画 plan, 調達 procure, 運用 operate, 廃棄 dispose. */
export const BUILDING_PHASES = ['plan', 'procure', 'operate', 'dispose'] as const;
export type BuildingPhase = (typeof BUILDING_PHASES)[number];

/** The word that starts a phase's measure line in a requirement's guidance (e.g. "計画：…", "Plan: …"). */
export const PHASE_WORDS: Record<BuildingPhase, Text> = {
  plan: { ja: '計画', en: 'Plan' },
  procure: { ja: '調達', en: 'Procure' },
  operate: { ja: '運用', en: 'Operate' },
  dispose: { ja: '廃棄', en: 'Dispose' },
};

/** How a device acts on the physical world: drives equipment (制御) or measures it (計測). */
export type PhysicalRole = 'controls' | 'senses';

export interface BuildingDeviceTemplate {
  ref: string;
  title: Text;
  component: Component;
  thingKind: ThingKind | null;
  layer: Layer;
  locationRef: string;
  /** The device drives or senses physical equipment (it gets a physical_control edge). */
  controlsPhysical: boolean;
  physicalRole: PhysicalRole | null;
  /** The device sits on the boundary to outside networks (tag `boundary:external`), e.g. the building's firewall. */
  externalBoundary: boolean;
  requirementRefs: string[];
}

export interface BuildingLocationTemplate {
  ref: string;
  title: Text;
  devices: BuildingDeviceTemplate[];
}

export interface BuildingRequirementTemplate {
  ref: string;
  title: Text;
  description: Text | null;
  deviceRef: string;
  riskRef: string;
  /** The incident (インシデント) the requirement answers. */
  incident: Text;
  /** Its risk source (リスク源). */
  riskSource: Text | null;
  phases: BuildingPhase[];
  /** One measure per phase, as written in the pack's guidance. */
  measures: Partial<Record<BuildingPhase, Text>>;
}

export interface BuildingProfile {
  packId: string;
  locations: BuildingLocationTemplate[];
  requirements: BuildingRequirementTemplate[];
  phases: { id: BuildingPhase; label: Text }[];
}

export const isBuildingPhase = (v: string): v is BuildingPhase =>
  (BUILDING_PHASES as readonly string[]).includes(v);

/** Values of one tag facet on a node ("layer:2" → ["2"]). */
export function tagValues(node: PackNode, facet: string): string[] {
  const prefix = `${facet}:`;
  return (node.tags ?? []).filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length));
}

const isDeviceGroup = (n: PackNode) => tagValues(n, 'component').length > 0;
const isItem = (n: PackNode) => n.answerModel !== undefined;

/** Reads "計画：…" / "Plan: …" lines of one language into phase → measure. */
export function measureLines(text: string | undefined, lang: 'ja' | 'en'): Map<BuildingPhase, string> {
  const out = new Map<BuildingPhase, string>();
  for (const line of (text ?? '').split('\n')) {
    const trimmed = line.trim();
    for (const phase of BUILDING_PHASES) {
      const word = PHASE_WORDS[phase][lang];
      const sep = lang === 'ja' ? /^[：:]\s*/ : /^:\s*/;
      if (!trimmed.startsWith(word)) continue;
      const rest = trimmed.slice(word.length);
      const m = sep.exec(rest);
      if (m && rest.length > m[0].length) out.set(phase, rest.slice(m[0].length));
    }
  }
  return out;
}

function measuresOf(node: PackNode): Partial<Record<BuildingPhase, Text>> {
  const ja = measureLines(node.guidance?.ja, 'ja');
  const en = measureLines(node.guidance?.en, 'en');
  const out: Partial<Record<BuildingPhase, Text>> = {};
  for (const phase of BUILDING_PHASES) {
    const j = ja.get(phase);
    const e = en.get(phase);
    if (j !== undefined && e !== undefined) out[phase] = { ja: j, en: e };
  }
  return out;
}

/** The model-element shape a device group's tags give, or null when the tags do not give a valid one. */
export function deviceShape(node: PackNode): {
  component: Component;
  thingKind: ThingKind | null;
  layer: Layer;
  physicalRole: PhysicalRole | null;
} | null {
  const [component] = tagValues(node, 'component');
  const [layerTag] = tagValues(node, 'layer');
  const [kind] = tagValues(node, 'thing');
  const [role] = tagValues(node, 'physical');
  const c = COMPONENTS.find((x) => x === component);
  const layer = LAYERS.find((x) => String(x) === layerTag);
  if (c === undefined || layer === undefined) return null;
  const thingKind = THING_KINDS.find((x) => x === kind) ?? null;
  if ((c === 'thing') !== (thingKind !== null)) return null;
  const physicalRole = role === 'controls' || role === 'senses' ? role : null;
  if (role !== undefined && physicalRole === null) return null;
  return { component: c, thingKind, layer, physicalRole };
}

/** Requirement items beneath a device group, each with the nearest group above it as its risk. */
function requirementsUnder(device: PackNode): { risk: PackNode; item: PackNode }[] {
  const out: { risk: PackNode; item: PackNode }[] = [];
  const walk = (list: readonly PackNode[], parent: PackNode) => {
    for (const n of list) {
      if (isItem(n)) out.push({ risk: parent, item: n });
      else if (n.children) walk(n.children, n);
    }
  };
  walk(device.children ?? [], device);
  return out;
}

/**
 * Reads a building-systems profile pack (catalogs/packs/shinrai-building-systems.yaml or a user's own in the
 * same shape): top-level groups are locations, groups tagged `component:…` beneath them are device types,
 * items beneath those are requirements. Device groups whose tags do not give a valid element shape are left
 * out; `checkBuildingPack` reports them with their JSON pointer.
 */
export function buildingProfileFromPack(pack: CatalogPack): BuildingProfile {
  const locations: BuildingLocationTemplate[] = [];
  const requirements: BuildingRequirementTemplate[] = [];
  for (const loc of pack.nodes) {
    const devices: BuildingDeviceTemplate[] = [];
    for (const dev of (loc.children ?? []).filter(isDeviceGroup)) {
      const shape = deviceShape(dev);
      if (shape === null) continue;
      const reqs = requirementsUnder(dev);
      devices.push({
        ref: dev.ref,
        title: dev.title,
        ...shape,
        locationRef: loc.ref,
        controlsPhysical: shape.physicalRole !== null,
        externalBoundary: tagValues(dev, 'boundary').includes('external'),
        requirementRefs: reqs.map((r) => r.item.ref),
      });
      for (const { risk, item } of reqs) {
        requirements.push({
          ref: item.ref,
          title: item.title,
          description: item.description ?? null,
          deviceRef: dev.ref,
          riskRef: risk.ref,
          incident: risk.title,
          riskSource: risk === dev ? null : (risk.description ?? null),
          phases: tagValues(item, 'phase').filter(isBuildingPhase),
          measures: measuresOf(item),
        });
      }
    }
    if (devices.length > 0) locations.push({ ref: loc.ref, title: loc.title, devices });
  }
  const declared = pack.tags?.phase ?? {};
  const phases = BUILDING_PHASES.map((id) => ({ id, label: declared[id] ?? PHASE_WORDS[id] }));
  return { packId: pack.id, locations, requirements, phases };
}

/** Id prefixes of the elements the wizard always makes; a device type may not use them. */
export const RESERVED_ID_PREFIXES = ['ORG', 'PPL', 'PRC', 'SYS', 'EXT', 'EQP', 'DAT'] as const;
/** Element id prefixes: upper-case letters and digits, short enough that every edge id stays within 64 chars. */
export const DEVICE_PREFIX_PATTERN = /^[A-Z0-9]{1,16}$/;

/** A prefix the wizard can use: the right form and not one of its own. */
export const isUsablePrefix = (prefix: string): boolean =>
  DEVICE_PREFIX_PATTERN.test(prefix) && !(RESERVED_ID_PREFIXES as readonly string[]).includes(prefix);

/** The prefix of a device type's element ids: the last segment of its ref ("BLD-DEV-DDC" → "DDC"). */
export function deviceIdPrefix(ref: string): string {
  const i = ref.lastIndexOf('-');
  return (i >= 0 ? ref.slice(i + 1) : ref).toUpperCase();
}
