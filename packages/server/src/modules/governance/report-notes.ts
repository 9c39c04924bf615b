// The CISO's words for the board report: an executive summary and commentary per assessment (stored, editable).
import {
  findGovernanceReportNotes,
  memberDisplayNames,
  saveGovernanceReportNotes,
  type Executor,
} from '@shinrai/store';
import { actorOf } from '../../platform/http/access.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import type { GovernanceCtx } from './edit-service.ts';
import { governanceAssessment } from './service.ts';

export interface ReportNotesView {
  /** The assessment the notes belong to; null when the organization has no governance assessment yet. */
  assessmentId: string | null;
  summary: string;
  commentary: string;
  updatedAt: string | null;
  updatedBy: { id: string; displayName: string | null } | null;
}

const EMPTY = { summary: '', commentary: '', updatedAt: null, updatedBy: null };

/** The notes of the given assessment (default: the newest governance assessment). */
export async function reportNotes(
  ex: Executor,
  orgId: string,
  assessmentId: string | undefined,
): Promise<ReportNotesView> {
  const a = await governanceAssessment(ex, orgId, assessmentId);
  if (!a) return { assessmentId: null, ...EMPTY };
  const row = await findGovernanceReportNotes(ex, orgId, a.id);
  if (!row) return { assessmentId: a.id, ...EMPTY };
  const by = row.updated_by;
  const names = by ? await memberDisplayNames(ex, orgId, [by]) : new Map<string, string>();
  return {
    assessmentId: a.id,
    summary: row.summary,
    commentary: row.commentary,
    updatedAt: row.updated_at,
    updatedBy: by ? { id: by, displayName: names.get(by) ?? null } : null,
  };
}

/** Sets the summary and commentary of an assessment's board report (404 / 409 as the radar's assessment). */
export async function setReportNotes(
  { deps, access, requestId }: GovernanceCtx,
  input: { assessmentId: string; summary: string; commentary: string },
): Promise<ReportNotesView> {
  return deps.store.db.transaction().execute(async (trx) => {
    const a = await governanceAssessment(trx, access.orgId, input.assessmentId);
    // governanceAssessment answers 404 for an id that is not the organization's; a given id is never null here.
    const assessmentId = a?.id ?? input.assessmentId;
    await saveGovernanceReportNotes(trx, {
      org_id: access.orgId,
      assessment_id: assessmentId,
      summary: input.summary,
      commentary: input.commentary,
      updated_by: access.actorUserId,
      updated_at: deps.now().toISOString(),
    });
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'governance.report_notes',
      { type: 'assessment', id: assessmentId },
      { summaryLength: input.summary.length, commentaryLength: input.commentary.length },
    );
    return reportNotes(trx, access.orgId, assessmentId);
  });
}
