import type { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';

/** The assessment a facet summarises (a supplier's, read under a share the caller has checked). */
export interface FacetAssessment {
  id: string;
  catalog_id: string;
  updated_at: string;
  tier: string | null;
}

/**
 * What a module built on assessments adds to a shared result a buyer reads, e.g. the SME journey's
 * real state beside a self-check that stays a draft in the engine. The module registers its facet
 * here when it is loaded, so assessments never imports the modules that build on it; the facet's key
 * becomes a field of the shared-result responses (null when it does not apply to the assessment).
 */
export interface SharedResultFacet {
  key: string;
  schema: z.ZodType;
  summarize(deps: Deps, supplierOrgId: string, a: FacetAssessment): Promise<unknown>;
}

const facets = new Map<string, SharedResultFacet>();

export function registerSharedResultFacet(facet: SharedResultFacet): void {
  facets.set(facet.key, facet);
}

/** The facets' response fields, each nullable, in registration order. */
export function facetFields(): Record<string, z.ZodType> {
  return Object.fromEntries([...facets.values()].map((f) => [f.key, f.schema.nullable()]));
}

/** Every facet's value for one shared assessment. */
export async function facetValues(
  deps: Deps,
  supplierOrgId: string,
  a: FacetAssessment,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const f of facets.values()) out[f.key] = await f.summarize(deps, supplierOrgId, a);
  return out;
}
