/**
 * CPSF value-creation-process model: elements of six components placed on three layers, joined by
 * typed edges. Pure data; validated at the edge (HTTP, file import) before it reaches core.
 */

/** The six components (6つの構成要素) — ソシキ, ヒト, モノ, データ, プロシージャ, システム. */
export const COMPONENTS = ['organization', 'people', 'thing', 'data', 'procedure', 'system'] as const;
export type Component = (typeof COMPONENTS)[number];

/** What kind of モノ a thing is (only for component 'thing'). */
export const THING_KINDS = ['hardware', 'software', 'iot_device'] as const;
export type ThingKind = (typeof THING_KINDS)[number];

/** 第1層 connections between organizations; 第2層 cyber–physical boundary; 第3層 cyberspace. */
export const LAYERS = [1, 2, 3] as const;
export type Layer = (typeof LAYERS)[number];

/** Edge kinds: data flows, physical control (a device acting on / sensing the physical world), network connections, contracts/agreements. */
export const EDGE_KINDS = ['data_flow', 'physical_control', 'network', 'contract'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const CRITICALITIES = ['low', 'medium', 'high'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const DATA_CLASSES = ['public', 'internal', 'confidential', 'personal', 'secret'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/** The six viewpoints of the categorization table (METI TF example criteria). */
export const VIEWPOINTS = [
  'life_safety',
  'privacy',
  'assets',
  'daily_life',
  'society',
  'reputation',
] as const;
export type Viewpoint = (typeof VIEWPOINTS)[number];

/** Lv1 限定的 (limited), Lv2 重大 (serious), Lv3 致命的・壊滅的 (fatal/catastrophic). */
export type ImpactLevel = 1 | 2 | 3;
export type Categorization = Partial<Record<Viewpoint, ImpactLevel>>;

/** Required strength of security/safety measures. */
export const MEASURE_LEVELS = ['basic', 'advanced', 'high_advanced'] as const;
export type MeasureLevel = (typeof MEASURE_LEVELS)[number];

export interface Element {
  /** Stable id within the model (user-visible, e.g. "PLC-01"); 1–64 chars. */
  id: string;
  name: string;
  component: Component;
  /** Only for component 'thing'. */
  thingKind?: ThingKind | null;
  layer: Layer;
  /** Id of the organization element (component 'organization') this element belongs to. */
  orgRef?: string | null;
  owner?: string | null;
  location?: string | null;
  criticality?: Criticality | null;
  dataClass?: DataClass | null;
  vendor?: string | null;
  version?: string | null;
  /** End of support/maintenance (ISO date), when known. */
  supportEnds?: string | null;
  categorization?: Categorization;
  /** Free-form extra attributes (string values). */
  attributes?: Record<string, string>;
  /** Editor position (optional), relative to the top left of the element's own layer lane. */
  position?: { x: number; y: number } | null;
}

export interface Edge {
  /** Stable id within the model; 1–64 chars. */
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  label?: string | null;
  /** For data_flow/network: the channel is encrypted. */
  encrypted?: boolean | null;
  /** For data_flow/network: the counterpart is authenticated. */
  authenticated?: boolean | null;
}

export interface Model {
  elements: Element[];
  edges: Edge[];
}
