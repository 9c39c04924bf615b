// CPSF value-creation-process models (価値創造プロセスのモデル): types mirrored from
// packages/core/src/cpsf/model.ts (the web app does not import @shinrai/core) and the HTTP calls.
import { request, upload } from './client';

export const COMPONENTS = ['organization', 'people', 'thing', 'data', 'procedure', 'system'] as const;
export type Component = (typeof COMPONENTS)[number];
export const THING_KINDS = ['hardware', 'software', 'iot_device'] as const;
export type ThingKind = (typeof THING_KINDS)[number];
export const LAYERS = [1, 2, 3] as const;
export type Layer = (typeof LAYERS)[number];
export const EDGE_KINDS = ['data_flow', 'physical_control', 'network', 'contract'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];
export const CRITICALITIES = ['low', 'medium', 'high'] as const;
export type Criticality = (typeof CRITICALITIES)[number];
export const DATA_CLASSES = ['public', 'internal', 'confidential', 'personal', 'secret'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];
export const VIEWPOINTS = [
  'life_safety',
  'privacy',
  'assets',
  'daily_life',
  'society',
  'reputation',
] as const;
export type Viewpoint = (typeof VIEWPOINTS)[number];
export type ImpactLevel = 1 | 2 | 3;
export type Categorization = Partial<Record<Viewpoint, ImpactLevel>>;
export const MEASURE_LEVELS = ['basic', 'advanced', 'high_advanced'] as const;
export type MeasureLevel = (typeof MEASURE_LEVELS)[number];
export const SCOPE_TYPES = ['organization', 'site', 'product'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];
export const REQUIREMENT_STATUSES = ['implemented', 'partial', 'not_implemented', 'not_applicable'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export interface Element {
  id: string;
  name: string;
  component: Component;
  thingKind?: ThingKind | null;
  layer: Layer;
  orgRef?: string | null;
  owner?: string | null;
  location?: string | null;
  criticality?: Criticality | null;
  dataClass?: DataClass | null;
  vendor?: string | null;
  version?: string | null;
  supportEnds?: string | null;
  categorization?: Categorization;
  attributes?: Record<string, string>;
  /** Editor position; `y` is measured from the top of the element's layer lane. */
  position?: { x: number; y: number } | null;
}

export interface Edge {
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  label?: string | null;
  encrypted?: boolean | null;
  authenticated?: boolean | null;
}

export interface Graph {
  elements: Element[];
  edges: Edge[];
}

export interface Text {
  ja: string;
  en: string;
}

export interface ModelSummary {
  id: string;
  name: string;
  scopeType: ScopeType;
  scopeLabel: string | null;
  elementCount: number;
  edgeCount: number;
  revision: number;
  updatedAt: string;
  assessmentId: string | null;
}

export interface ModelDetail extends ModelSummary, Graph {}

export interface ModelCheck {
  code: string;
  severity: 'error' | 'warning' | 'info';
  elementIds: string[];
  edgeIds: string[];
  message: Text;
}

export interface Plan {
  owner: string | null;
  dueDate: string | null;
  costEstimate: number | null;
  residualAcceptedBy: string | null;
  note: string | null;
  updatedAt: string;
}

export type PlanInput = Omit<Plan, 'updatedAt'>;

export interface ElementLevel {
  level: MeasureLevel;
  highest: ImpactLevel | null;
  drivers: string[];
  rated: boolean;
  explanation: Text;
}

export interface ElementRiskSource {
  ref: string;
  origin: 'rule' | 'added';
  dismissed: boolean;
  reason: string | null;
  because: Text;
}

export interface ElementRequirement {
  ref: string;
  tier: string;
  riskSources: string[];
  cpsfRefs: string[];
  status: RequirementStatus | null;
  statusRevision: number;
  plan: Plan | null;
}

export interface AnalysisElement {
  elementId: string;
  level: ElementLevel;
  riskSources: ElementRiskSource[];
  requirements: ElementRequirement[];
}

export interface HeatCell {
  layer: Layer;
  component: Component;
  elements: number;
  required: number;
  met: number;
  gaps: number;
}

export interface Override {
  id: string;
  elementId: string;
  riskSourceRef: string;
  action: 'add' | 'dismiss';
  reason: string;
  createdAt: string;
  createdBy: string | null;
}

export interface Analysis {
  checks: ModelCheck[];
  elements: AnalysisElement[];
  heatmap: HeatCell[];
  summary: {
    elements: number;
    required: number;
    met: number;
    partial: number;
    unmet: number;
    unanswered: number;
  };
  overrides: Override[];
}

/** A title as the server sends it: bilingual, or (defensively) a plain string. */
export type Titled = Text | string;

export interface CatalogRiskSource {
  ref: string;
  title: Titled;
  layers: number[];
  components: string[];
  functionTitle: Titled | null;
  incidentTitle: Titled | null;
  requirementRefs: string[];
}

export interface CatalogRequirement {
  ref: string;
  title: Titled;
  tier: string;
  cpsf: { ref: string; title: Text | null }[];
}

export interface CategorizationRow {
  viewpoint: Viewpoint;
  axis: string | null;
  label: Titled;
  levels: Record<'1' | '2' | '3', Titled>;
}

export interface CpsfCatalog {
  catalogId: string;
  catalogVersion: string;
  riskSources: CatalogRiskSource[];
  requirements: CatalogRequirement[];
  categorization: {
    source: Text;
    rows: CategorizationRow[];
    impactLevels: Record<'1' | '2' | '3', Text>;
    measureLevels: Record<MeasureLevel, Text>;
  };
}

export interface BuildingDevice {
  ref: string;
  title: Titled;
  component: Component;
  thingKind: ThingKind | null;
  layer: Layer;
}

export interface BuildingProfile {
  locations: { ref: string; title: Titled; devices: BuildingDevice[] }[];
  phases: unknown;
}

export interface BuildingInput {
  buildingName: string;
  ownerName: string;
  managementCompany?: string;
  devices: { ref: string; count: number }[];
  externalConnection: boolean;
  cloud: boolean;
}

export interface ImportResult {
  added: number;
  updated: number;
  edgesAdded: number;
  elements: number;
}

export interface Evidence {
  id: string;
  ref: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: string;
}

const enc = encodeURIComponent;
const base = (orgId: string) => `/api/orgs/${enc(orgId)}/cpsf`;
const model = (orgId: string, modelId: string) => `${base(orgId)}/models/${enc(modelId)}`;

/** The answer ref of one (requirement × element) in the model's assessment. */
export const statusRef = (requirementRef: string, elementId: string) => `${requirementRef}@${elementId}`;

function importForm(file: File, sheet: string | null): FormData {
  const form = new FormData();
  if (sheet) form.append('sheet', sheet);
  form.append('file', file, file.name);
  return form;
}

export const cpsfApi = {
  models: (orgId: string) => request<{ items: ModelSummary[] }>('GET', `${base(orgId)}/models`),
  createModel: (
    orgId: string,
    body: { name: string; scopeType: ScopeType; scopeLabel?: string | null; graph?: Graph },
  ) => request<{ model: ModelDetail }>('POST', `${base(orgId)}/models`, body),
  model: (orgId: string, modelId: string) => request<{ model: ModelDetail }>('GET', model(orgId, modelId)),
  updateModel: (orgId: string, modelId: string, body: { name?: string; scopeLabel?: string | null }) =>
    request<{ model: ModelDetail }>('PATCH', model(orgId, modelId), body),
  deleteModel: (orgId: string, modelId: string) => request<void>('DELETE', model(orgId, modelId)),
  saveGraph: (orgId: string, modelId: string, revision: number, graph: Graph) =>
    request<{ model: ModelDetail }>('PUT', `${model(orgId, modelId)}/graph`, { revision, ...graph }),
  analysis: (
    orgId: string,
    modelId: string,
    filter: { element?: string; requirement?: string } = {},
    signal?: AbortSignal,
  ) => {
    const params = new URLSearchParams();
    if (filter.element) params.set('element', filter.element);
    if (filter.requirement) params.set('requirement', filter.requirement);
    const query = params.toString();
    return request<Analysis>(
      'GET',
      `${model(orgId, modelId)}/analysis${query ? `?${query}` : ''}`,
      undefined,
      {
        signal,
      },
    );
  },
  setStatus: (
    orgId: string,
    modelId: string,
    elementId: string,
    requirementRef: string,
    body: { value: RequirementStatus | null; comment?: string | null; revision: number },
  ) =>
    request<{ status: { value: RequirementStatus | null; revision: number; updatedAt: string } }>(
      'PUT',
      `${model(orgId, modelId)}/status/${enc(elementId)}/${enc(requirementRef)}`,
      body,
    ),
  setPlan: (orgId: string, modelId: string, elementId: string, requirementRef: string, body: PlanInput) =>
    request<{ plan: Plan }>(
      'PUT',
      `${model(orgId, modelId)}/plan/${enc(elementId)}/${enc(requirementRef)}`,
      body,
    ),
  addOverride: (
    orgId: string,
    modelId: string,
    body: { elementId: string; riskSourceRef: string; action: 'add' | 'dismiss'; reason: string },
  ) => request<{ override: Override }>('POST', `${model(orgId, modelId)}/risk-overrides`, body),
  removeOverride: (orgId: string, modelId: string, overrideId: string) =>
    request<void>('DELETE', `${model(orgId, modelId)}/risk-overrides/${enc(overrideId)}`),
  importModel: (
    orgId: string,
    modelId: string,
    mode: 'preview' | 'apply',
    file: File,
    sheet: string | null,
  ) => upload<ImportResult>(`${model(orgId, modelId)}/import?mode=${mode}`, importForm(file, sheet)),
  exportUrl: (orgId: string, modelId: string, format: 'json' | 'xlsx') =>
    `${model(orgId, modelId)}/export?format=${format}`,
  reportUrl: (orgId: string, modelId: string, format: 'pdf' | 'xlsx', lang: string) =>
    `${model(orgId, modelId)}/report?format=${format}&lang=${enc(lang)}`,
  catalog: (orgId: string) => request<CpsfCatalog>('GET', `${base(orgId)}/catalog`),
  buildingProfile: (orgId: string) => request<BuildingProfile>('GET', `${base(orgId)}/building-profile`),
  createBuilding: (orgId: string, body: { name: string; input: BuildingInput }) =>
    request<{ model: ModelDetail }>('POST', `${base(orgId)}/models/building`, body),
  evidence: (orgId: string, assessmentId: string) =>
    request<{ items: Evidence[] }>(
      'GET',
      `/api/orgs/${enc(orgId)}/assessments/${enc(assessmentId)}/evidence`,
    ),
  uploadEvidence: (orgId: string, assessmentId: string, ref: string, file: File) => {
    const form = new FormData();
    form.append('ref', ref);
    form.append('file', file, file.name);
    return upload<{ evidence: Evidence }>(
      `/api/orgs/${enc(orgId)}/assessments/${enc(assessmentId)}/evidence`,
      form,
    );
  },
  evidenceUrl: (orgId: string, assessmentId: string, evidenceId: string) =>
    `/api/orgs/${enc(orgId)}/assessments/${enc(assessmentId)}/evidence/${enc(evidenceId)}`,
};
