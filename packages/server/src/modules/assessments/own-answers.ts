import type { AnswerValue } from '@shinrai/core';
import { listAnswers, listAssessmentsOfCatalog } from '@shinrai/store';
import type { Deps } from '../../platform/deps.ts';

/** An organization's own assessment of a catalog with its answered items (a source to answer from again). */
export interface OwnCatalogAnswers {
  assessmentId: string;
  title: string;
  scopeType: string;
  updatedAt: string;
  answers: Map<string, AnswerValue>;
}

/** Scopes whose answers name the catalog's items directly and describe the organization itself. */
const OWN_SCOPES = new Set(['organization', 'site', 'product', 'system']);

/**
 * The newest assessment of the organization's own against any version of the catalog `urn` (not the
 * ones it keeps about its suppliers), with its answered items; null when there is none with answers.
 */
export async function ownCatalogAnswers(
  deps: Deps,
  orgId: string,
  urn: string,
): Promise<OwnCatalogAnswers | null> {
  const db = deps.store.db;
  const rows = (await listAssessmentsOfCatalog(db, orgId, urn)).filter((a) => OWN_SCOPES.has(a.scope_type));
  for (const a of rows.reverse()) {
    const answers = new Map<string, AnswerValue>();
    for (const x of await listAnswers(db, orgId, a.id))
      if (x.value) answers.set(x.ref, JSON.parse(x.value) as AnswerValue);
    if (answers.size > 0)
      return {
        assessmentId: a.id,
        title: a.title,
        scopeType: a.scope_type,
        updatedAt: a.updated_at,
        answers,
      };
  }
  return null;
}
