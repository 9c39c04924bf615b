import {
  buildingProfileFromPack,
  CATEGORIZATION_SOURCE,
  CATEGORIZATION_TABLE,
  IMPACT_LEVEL_LABELS,
  instantiateBuildingModel,
  MEASURE_LEVEL_LABELS,
  type BuildingWizardInput,
  type Locale,
} from '@shinrai/core';
import { listCatalogsForOrg, type CpsfModelRow } from '@shinrai/store';
import type { Deps } from '../../platform/deps.ts';
import { fail } from '../../platform/http/errors.ts';
import { loadCatalog } from '../library/public.ts';
import { createModel, requireRules, type CpsfCtx } from './model-service.ts';
import { cpsfTitles } from './service.ts';

// What the CPSF views read from the catalogs (the risk-source rules, the building-systems profile) and
// the building wizard, each (ctx, input) => result.

const BUILDING_PROFILE_URN = 'urn:shinrai:catalog:building-systems-profile';

/** The building-systems profile from the newest version of its pack the organization can use. */
async function buildingProfile(deps: Deps, orgId: string) {
  const found = (await listCatalogsForOrg(deps.store.db, orgId)).find((c) => c.urn === BUILDING_PROFILE_URN);
  if (!found) return fail('not_found', { catalog: BUILDING_PROFILE_URN });
  const catalog = await loadCatalog(deps.store.db, orgId, found.id);
  return { catalog, profile: buildingProfileFromPack(catalog.pack) };
}

export async function buildingProfileView(deps: Deps, orgId: string) {
  const { catalog, profile } = await buildingProfile(deps, orgId);
  return {
    catalogId: catalog.row.id,
    locations: profile.locations.map((l) => ({
      ref: l.ref,
      title: l.title,
      devices: l.devices.map((d) => ({
        ref: d.ref,
        title: d.title,
        component: d.component,
        thingKind: d.thingKind,
        layer: d.layer,
        requirementRefs: d.requirementRefs,
      })),
    })),
    requirements: profile.requirements.map((r) => ({
      ref: r.ref,
      title: r.title,
      deviceRef: r.deviceRef,
      incident: r.incident,
      riskSource: r.riskSource,
      phases: r.phases,
      measures: r.measures,
    })),
    phases: profile.phases,
  };
}

export type BuildingModelResult =
  { ok: true; row: CpsfModelRow } | { ok: false; problems: { pointer: string; message: string }[] };

/** The building wizard: an ordinary model instantiated from the profile, or the located problems of the input. */
export async function createBuildingModel(
  ctx: CpsfCtx,
  input: { name: string; input: BuildingWizardInput; locale: Locale },
): Promise<BuildingModelResult> {
  const { profile } = await buildingProfile(ctx.deps, ctx.access.orgId);
  const made = instantiateBuildingModel(profile, input.input, input.locale);
  if (!made.ok)
    return {
      ok: false,
      problems: made.problems.map((p) => ({
        pointer: `/input${p.pointer}`,
        message: p.message[input.locale],
      })),
    };
  const row = await createModel(ctx, {
    name: input.name,
    scopeType: 'site',
    scopeLabel: input.input.buildingName.trim() || null,
    graph: made.model,
    source: 'building-wizard',
  });
  return { ok: true, row };
}

/** The risk sources and requirements the rules use (with linked CPSF requirements), and the categorization table. */
export async function riskCatalogView(deps: Deps, orgId: string) {
  const { catalog, rules } = await requireRules(deps, orgId);
  const titles = await cpsfTitles(deps.store.db, orgId);
  return {
    catalogId: catalog.row.id,
    catalogVersion: catalog.row.version,
    riskSources: rules.riskSources.map((rs) => ({
      ref: rs.ref,
      title: rs.title,
      layers: rs.layers,
      components: rs.components,
      functionTitle: rules.groupTitles.get(rs.functionRef) ?? null,
      incidentTitle: rules.groupTitles.get(rs.incidentRef) ?? null,
      requirementRefs: rs.requirements.map((r) => r.ref),
    })),
    requirements: [...rules.requirements.values()].map((r) => ({
      ref: r.ref,
      title: r.title,
      tier: r.tier,
      riskSourceRef: r.riskSourceRef,
      cpsf: r.cpsfRefs.map((ref) => ({ ref, title: titles.get(ref) ?? null })),
    })),
    categorization: {
      source: CATEGORIZATION_SOURCE,
      rows: CATEGORIZATION_TABLE,
      impactLevels: IMPACT_LEVEL_LABELS,
      measureLevels: MEASURE_LEVEL_LABELS,
    },
  };
}
