// CPSF value-creation-process models (価値創造プロセスのモデル): types derived from the server's OpenAPI
// description (schema.gen.ts) and the HTTP calls.
import { href, http, multipart, send, sendUndescribed, sendVoid } from './client';
import { allOf, type BodyOf, type Item, type Narrow, type ResponseOf, type Widen } from './schema';

type ModelRoute = '/api/orgs/{orgId}/cpsf/models/{modelId}';

export type ModelSummary = Item<ResponseOf<'/api/orgs/{orgId}/cpsf/models', 'get'>['items']>;
export type ModelDetail = ResponseOf<ModelRoute, 'get'>['model'];
export type Graph = Omit<BodyOf<'/api/orgs/{orgId}/cpsf/models/{modelId}/graph', 'put'>, 'revision'>;
export type Element = Item<Graph['elements']>;
export type Edge = Item<Graph['edges']>;

export type Component = Element['component'];
export const COMPONENTS = allOf<Component>()([
  'organization',
  'people',
  'thing',
  'data',
  'procedure',
  'system',
]);
export type ThingKind = NonNullable<Element['thingKind']>;
export const THING_KINDS = allOf<ThingKind>()(['hardware', 'software', 'iot_device']);
export type Layer = Element['layer'];
export const LAYERS = allOf<Layer>()([1, 2, 3]);
export type EdgeKind = Edge['kind'];
export const EDGE_KINDS = allOf<EdgeKind>()(['data_flow', 'physical_control', 'network', 'contract']);
export type Criticality = NonNullable<Element['criticality']>;
export const CRITICALITIES = allOf<Criticality>()(['low', 'medium', 'high']);
export type DataClass = NonNullable<Element['dataClass']>;
export const DATA_CLASSES = allOf<DataClass>()(['public', 'internal', 'confidential', 'personal', 'secret']);
export type Categorization = NonNullable<Element['categorization']>;
export type Viewpoint = keyof Categorization;
export const VIEWPOINTS = allOf<Viewpoint>()([
  'life_safety',
  'privacy',
  'assets',
  'daily_life',
  'society',
  'reputation',
]);
export type ImpactLevel = NonNullable<Categorization[Viewpoint]>;
export type ScopeType = ModelSummary['scopeType'];
export const SCOPE_TYPES = allOf<ScopeType>()(['organization', 'site', 'product']);

type AnalysisJson = ResponseOf<'/api/orgs/{orgId}/cpsf/models/{modelId}/analysis', 'get'>;
type AnalysisElementJson = Item<AnalysisJson['elements']>;
export type ModelCheck = Item<AnalysisJson['checks']>;
export type ElementLevel = AnalysisElementJson['level'];
export type MeasureLevel = ElementLevel['level'];
export const MEASURE_LEVELS = allOf<MeasureLevel>()(['basic', 'advanced', 'high_advanced']);
export type ElementRiskSource = Item<AnalysisElementJson['riskSources']>;
/**
 * compat (Widen): the server sends `tier` as a MeasureLevel; components/cpsf/graph.test.ts builds
 * requirements with a plain string tier.
 */
export type ElementRequirement = Widen<Item<AnalysisElementJson['requirements']>, { tier: string }>;
export type AnalysisElement = Widen<AnalysisElementJson, { requirements: ElementRequirement[] }>;
export type Plan = NonNullable<ElementRequirement['plan']>;
export type PlanInput = BodyOf<
  '/api/orgs/{orgId}/cpsf/models/{modelId}/plan/{elementId}/{requirementRef}',
  'put'
>;
export type Override = Item<AnalysisJson['overrides']>;
export type RequirementStatus = NonNullable<ElementRequirement['status']>;
export const REQUIREMENT_STATUSES = allOf<RequirementStatus>()([
  'implemented',
  'partial',
  'not_implemented',
  'not_applicable',
]);
/** narrowed: GET …/cpsf/models/{modelId}/analysis describes `heatmap[].layer` and `.component` as number and string. */
export type HeatCell = Narrow<Item<AnalysisJson['heatmap']>, { layer: Layer; component: Component }>;
export type Analysis = Omit<AnalysisJson, 'elements' | 'heatmap'> & {
  elements: AnalysisElement[];
  heatmap: HeatCell[];
};

/** A text in both UI languages. */
export type Text = ModelCheck['message'];
/** A title as the server sends it: bilingual, or (defensively) a plain string. */
export type Titled = Text | string;

type CatalogJson = ResponseOf<'/api/orgs/{orgId}/cpsf/catalog', 'get'>;
export type CatalogRiskSource = Item<CatalogJson['riskSources']>;
export type CatalogRequirement = Item<CatalogJson['requirements']>;
/** narrowed: GET /api/orgs/{orgId}/cpsf/catalog describes `categorization.rows[].viewpoint` as a string. */
export type CategorizationRow = Narrow<Item<CatalogJson['categorization']['rows']>, { viewpoint: Viewpoint }>;
export type CpsfCatalog = Narrow<
  CatalogJson,
  { categorization: Narrow<CatalogJson['categorization'], { rows: CategorizationRow[] }> }
>;

type BuildingProfileJson = ResponseOf<'/api/orgs/{orgId}/cpsf/building-profile', 'get'>;
type BuildingLocationJson = Item<BuildingProfileJson['locations']>;
/**
 * narrowed: GET /api/orgs/{orgId}/cpsf/building-profile describes a device's `component`, `thingKind` and
 * `layer` as string and number.
 */
export type BuildingDevice = Narrow<
  Item<BuildingLocationJson['devices']>,
  { component: Component; thingKind: ThingKind | null; layer: Layer }
>;
export type BuildingProfile = Narrow<
  BuildingProfileJson,
  { locations: Narrow<BuildingLocationJson, { devices: BuildingDevice[] }>[] }
>;
export type BuildingInput = BodyOf<'/api/orgs/{orgId}/cpsf/models/building', 'post'>['input'];

export type ImportResult = ResponseOf<'/api/orgs/{orgId}/cpsf/models/{modelId}/import', 'post'>;
export type Evidence = Item<ResponseOf<'/api/orgs/{orgId}/assessments/{id}/evidence', 'get'>['items']>;

/** The answer ref of one (requirement × element) in the model's assessment. */
export const statusRef = (requirementRef: string, elementId: string) => `${requirementRef}@${elementId}`;

function importForm(file: File, sheet: string | null): FormData {
  const form = new FormData();
  if (sheet) form.append('sheet', sheet);
  form.append('file', file, file.name);
  return form;
}

const modelPath = (orgId: string, modelId: string) => ({ path: { orgId, modelId } });

export const cpsfApi = {
  models: (orgId: string) => send(http.GET('/api/orgs/{orgId}/cpsf/models', { params: { path: { orgId } } })),
  createModel: (orgId: string, body: BodyOf<'/api/orgs/{orgId}/cpsf/models', 'post'>) =>
    send(http.POST('/api/orgs/{orgId}/cpsf/models', { params: { path: { orgId } }, body })),
  model: (orgId: string, modelId: string) =>
    send(http.GET('/api/orgs/{orgId}/cpsf/models/{modelId}', { params: modelPath(orgId, modelId) })),
  updateModel: (orgId: string, modelId: string, body: BodyOf<ModelRoute, 'patch'>) =>
    send(http.PATCH('/api/orgs/{orgId}/cpsf/models/{modelId}', { params: modelPath(orgId, modelId), body })),
  // not described by the server's OpenAPI: DELETE /api/orgs/{orgId}/cpsf/models/{modelId} (answers 204;
  // described as 200 without a body)
  deleteModel: (orgId: string, modelId: string) =>
    sendVoid(http.DELETE('/api/orgs/{orgId}/cpsf/models/{modelId}', { params: modelPath(orgId, modelId) })),
  saveGraph: (orgId: string, modelId: string, revision: number, graph: Graph) =>
    send(
      http.PUT('/api/orgs/{orgId}/cpsf/models/{modelId}/graph', {
        params: modelPath(orgId, modelId),
        body: { revision, ...graph },
      }),
    ),
  analysis: (
    orgId: string,
    modelId: string,
    filter: { element?: string; requirement?: string } = {},
    signal?: AbortSignal,
  ) => {
    const query: { element?: string; requirement?: string } = {};
    if (filter.element) query.element = filter.element;
    if (filter.requirement) query.requirement = filter.requirement;
    return send(
      http.GET('/api/orgs/{orgId}/cpsf/models/{modelId}/analysis', {
        params: { ...modelPath(orgId, modelId), query },
        signal,
      }),
    ) as Promise<Analysis>;
  },
  setStatus: (
    orgId: string,
    modelId: string,
    elementId: string,
    requirementRef: string,
    body: BodyOf<'/api/orgs/{orgId}/cpsf/models/{modelId}/status/{elementId}/{requirementRef}', 'put'>,
  ) =>
    send(
      http.PUT('/api/orgs/{orgId}/cpsf/models/{modelId}/status/{elementId}/{requirementRef}', {
        params: { path: { orgId, modelId, elementId, requirementRef } },
        body,
      }),
    ),
  setPlan: (orgId: string, modelId: string, elementId: string, requirementRef: string, body: PlanInput) =>
    send(
      http.PUT('/api/orgs/{orgId}/cpsf/models/{modelId}/plan/{elementId}/{requirementRef}', {
        params: { path: { orgId, modelId, elementId, requirementRef } },
        body,
      }),
    ),
  addOverride: (
    orgId: string,
    modelId: string,
    body: BodyOf<'/api/orgs/{orgId}/cpsf/models/{modelId}/risk-overrides', 'post'>,
  ) =>
    send(
      http.POST('/api/orgs/{orgId}/cpsf/models/{modelId}/risk-overrides', {
        params: modelPath(orgId, modelId),
        body,
      }),
    ),
  // not described by the server's OpenAPI: DELETE …/risk-overrides/{overrideId} (answers 204; described as
  // 200 without a body)
  removeOverride: (orgId: string, modelId: string, overrideId: string) =>
    sendVoid(
      http.DELETE('/api/orgs/{orgId}/cpsf/models/{modelId}/risk-overrides/{overrideId}', {
        params: { path: { orgId, modelId, overrideId } },
      }),
    ),
  importModel: (
    orgId: string,
    modelId: string,
    mode: 'preview' | 'apply',
    file: File,
    sheet: string | null,
  ) =>
    // not described by the server's OpenAPI: the multipart body (`sheet`, `file`) of
    // POST /api/orgs/{orgId}/cpsf/models/{modelId}/import (its answer is described)
    send(
      http.POST('/api/orgs/{orgId}/cpsf/models/{modelId}/import', {
        params: { ...modelPath(orgId, modelId), query: { mode } },
        body: multipart(importForm(file, sheet)),
      }),
    ),
  exportUrl: (orgId: string, modelId: string, format: 'json' | 'xlsx') =>
    href('/api/orgs/{orgId}/cpsf/models/{modelId}/export', { orgId, modelId }, { format }),
  reportUrl: (orgId: string, modelId: string, format: 'pdf' | 'xlsx', lang: string) =>
    href(
      '/api/orgs/{orgId}/cpsf/models/{modelId}/report',
      { orgId, modelId },
      // `lang` is a UI language; the server answers in Japanese for anything but 'en'.
      { format, lang: lang as 'ja' | 'en' },
    ),
  catalog: (orgId: string) =>
    send(http.GET('/api/orgs/{orgId}/cpsf/catalog', { params: { path: { orgId } } })) as Promise<CpsfCatalog>,
  buildingProfile: (orgId: string) =>
    send(
      http.GET('/api/orgs/{orgId}/cpsf/building-profile', { params: { path: { orgId } } }),
    ) as Promise<BuildingProfile>,
  createBuilding: (orgId: string, body: BodyOf<'/api/orgs/{orgId}/cpsf/models/building', 'post'>) =>
    send(http.POST('/api/orgs/{orgId}/cpsf/models/building', { params: { path: { orgId } }, body })),
  evidence: (orgId: string, assessmentId: string) =>
    send(
      http.GET('/api/orgs/{orgId}/assessments/{id}/evidence', {
        params: { path: { orgId, id: assessmentId } },
      }),
    ),
  uploadEvidence: (orgId: string, assessmentId: string, ref: string, file: File) => {
    const form = new FormData();
    form.append('ref', ref);
    form.append('file', file, file.name);
    // not described by the server's OpenAPI: POST /api/orgs/{orgId}/assessments/{id}/evidence (multipart
    // body; answers 201 { evidence } but is described as 200 without a body)
    return sendUndescribed<{ evidence: Evidence }>(
      http.POST('/api/orgs/{orgId}/assessments/{id}/evidence', {
        params: { path: { orgId, id: assessmentId } },
        body: multipart(form),
      }),
    );
  },
  evidenceUrl: (orgId: string, assessmentId: string, evidenceId: string) =>
    href('/api/orgs/{orgId}/assessments/{id}/evidence/{evidenceId}', { orgId, id: assessmentId, evidenceId }),
};
