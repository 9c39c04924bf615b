import {
  analyseModelStatus,
  deriveModel,
  overridesOf,
  rulesFromPack,
  statusOfAnswer,
  statusRef,
  tokyoDate,
  type Model,
  type ModelAnalysis,
  type RiskRuleSet,
  type Text,
} from '@shinrai/core';
import {
  listAnswers,
  listCatalogsForOrg,
  listCpsfPlanItems,
  listCpsfRiskOverrides,
  listMappingSetsForOrg,
  type CpsfModelRow,
  type CpsfRiskOverrideRow,
  type Executor,
} from '@shinrai/store';
import { loadCatalog, type LoadedCatalog } from '../library/public.ts';

export const RISK_CATALOG_URN = 'urn:shinrai:catalog:cpsf-risk-sources';
export const CPSF_CATALOG_URN = 'urn:shinrai:catalog:meti-cpsf';

export interface LoadedRules {
  catalog: LoadedCatalog;
  rules: RiskRuleSet;
}

/**
 * Catalog versions and mapping sets are immutable once stored, so the parsed catalog and the rules built from it
 * are kept per (catalog id, mapping id): a status or plan change does not parse the pack again.
 */
const rulesCache = new Map<string, LoadedRules | null>();

/** The newest risk-source catalog the organization can use and the rules built from it, or null. */
export async function loadRules(ex: Executor, orgId: string): Promise<LoadedRules | null> {
  const found = (await listCatalogsForOrg(ex, orgId)).find((c) => c.urn === RISK_CATALOG_URN);
  if (!found) return null;
  const mapping = (await listMappingSetsForOrg(ex, orgId)).find(
    (m) => m.source_urn === RISK_CATALOG_URN && m.target_urn === CPSF_CATALOG_URN,
  );
  const key = `${found.id}|${mapping?.id ?? ''}`;
  const cached = rulesCache.get(key);
  if (cached !== undefined) return cached;
  const catalog = await loadCatalog(ex, orgId, found.id);
  const entries = mapping ? (JSON.parse(mapping.entries) as { source: string; target: string }[]) : [];
  const built = rulesFromPack(catalog.pack, { entries });
  const loaded = built.ok ? { catalog, rules: built.rules } : null;
  rulesCache.set(key, loaded);
  return loaded;
}

/** Titles of CPSF requirements from the newest CPSF catalog the organization has (built-in or its own import). */
export async function cpsfTitles(ex: Executor, orgId: string): Promise<Map<string, Text>> {
  const found = (await listCatalogsForOrg(ex, orgId)).find((c) => c.urn === CPSF_CATALOG_URN);
  const titles = new Map<string, Text>();
  if (!found) return titles;
  const c = await loadCatalog(ex, orgId, found.id);
  for (const n of c.nodes) if (n.kind === 'item') titles.set(n.ref, n.node.title);
  return titles;
}

export function parseGraph(row: CpsfModelRow): Model {
  return JSON.parse(row.graph) as Model;
}

/** A model's analysis with its override rows (the routes show them, the report reads the rest). */
export interface Analysis extends ModelAnalysis {
  overrides: CpsfRiskOverrideRow[];
}

/** Loads what the analysis reads (overrides, status answers, plan items) and analyses the model (core). */
export async function analyseModel(
  ex: Executor,
  row: CpsfModelRow,
  rules: RiskRuleSet,
  now: Date,
): Promise<Analysis> {
  const model = parseGraph(row);
  const overrideRows = await listCpsfRiskOverrides(ex, row.org_id, row.id);
  const today = tokyoDate(now);
  const derived = deriveModel(model, rules, overridesOf(overrideRows), today);
  const answers = row.assessment_id ? await listAnswers(ex, row.org_id, row.assessment_id) : [];
  const status = new Map(
    answers.map((a) => [a.ref, { value: statusOfAnswer(a.value), revision: a.revision }]),
  );
  const plans = new Map(
    (await listCpsfPlanItems(ex, row.org_id, row.id)).map((p) => [
      statusRef(p.requirement_ref, p.element_id),
      p,
    ]),
  );
  return { ...analyseModelStatus({ model, derived, status, plans, today }), overrides: overrideRows };
}
