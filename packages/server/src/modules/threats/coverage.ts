import { directivePercents, GOVERNANCE_CATALOG_URN, scoreAssessment, type ScoreReport } from '@shinrai/core';
import { THREAT_MAPPINGS, type ThreatKey } from '@shinrai/core/threats';
import { listAnswers, lastAssessmentOfCatalog, type AssessmentRow, type Executor } from '@shinrai/store';
import { answerValues } from '../assessments/public.ts';
import { loadCatalog, type LoadedCatalog } from '../library/public.ts';

/** The built-in CPSF catalog whose items carry the CPSF requirement IDs the mapping names. */
export const CPSF_CATALOG_URN = 'urn:shinrai:catalog:meti-cpsf';

interface Scored {
  assessment: AssessmentRow;
  catalog: LoadedCatalog;
  score: ScoreReport;
}

/** The organization's latest assessment of a catalog (any version), scored; null when there is none. */
async function latestScored(ex: Executor, orgId: string, urn: string): Promise<Scored | null> {
  const assessment = await lastAssessmentOfCatalog(ex, orgId, urn);
  if (!assessment) return null;
  const catalog = await loadCatalog(ex, orgId, assessment.catalog_id);
  const answers = answerValues(await listAnswers(ex, orgId, assessment.id));
  return { assessment, catalog, score: scoreAssessment(catalog.pack, catalog.nodes, answers) };
}

const assessmentRef = (s: Scored) => ({
  id: s.assessment.id,
  title: s.assessment.title,
  status: s.assessment.status,
  createdAt: s.assessment.created_at,
});

const percentOf = (points: number | null, max: number) =>
  points === null || max <= 0 ? null : Math.round((points / max) * 1000) / 10;

/**
 * What answers one threat in this organization: for each mapped CPSF requirement, the answer in its
 * latest CPSF assessment; for each mapped directive, the level reached in its latest
 * management-guidelines assessment. Nothing assessed yet is reported as such, not as zero.
 */
export async function threatCoverage(ex: Executor, orgId: string, key: ThreatKey) {
  const mapping = THREAT_MAPPINGS[key];
  const [cpsf, gov] = await Promise.all([
    latestScored(ex, orgId, CPSF_CATALOG_URN),
    latestScored(ex, orgId, GOVERNANCE_CATALOG_URN),
  ]);
  const directive = gov ? directivePercents(gov.score) : null;
  return {
    cpsf: {
      assessment: cpsf ? assessmentRef(cpsf) : null,
      items: mapping.cpsf.map((link) => {
        const node = cpsf?.catalog.nodes.find((n) => n.ref === link.id && n.kind === 'item');
        const item = cpsf?.score.items[link.id];
        return {
          id: link.id,
          reason: link.reason,
          title: node?.node.title ?? null,
          answered: item?.answered ?? false,
          percent: item ? percentOf(item.points, item.max) : null,
        };
      }),
    },
    directives: {
      assessment: gov ? assessmentRef(gov) : null,
      items: mapping.directives.map((link) => ({
        ref: link.ref,
        reason: link.reason,
        title: gov?.catalog.nodes.find((n) => n.ref === link.ref)?.node.title ?? null,
        percent: directive?.[link.ref] ?? null,
      })),
    },
  };
}
