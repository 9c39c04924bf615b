import { defineModule } from '../../platform/module.ts';
import { ASSESSMENT_ERRORS } from './errors.ts';
import { evidenceRoutes } from './evidence-routes.ts';
import { assessmentFileRoutes } from './file-routes.ts';
import { assessmentHistoryRoutes } from './history-routes.ts';
import { assessmentAnswerRoutes } from './answer-routes.ts';
import { assessmentRoutes } from './assessment-routes.ts';
import { assessmentPrefillRoutes } from './prefill-routes.ts';
import { assessmentReportRoutes } from './report-routes.ts';
import { assessmentSettingsRoutes } from './settings-routes.ts';
import { revokeSharesOnEnd } from './share-lifecycle.ts';
import { shareRoutes } from './share-routes.ts';
import { assessmentAuditNames } from './audit-names.ts';

/** The assessment engine: assessments of a catalog, answers, evidence, review, history, shares. */
export const assessmentsModule = defineModule({
  name: 'assessments',
  auditNames: assessmentAuditNames,
  permissions: { 'assessments.read': 'read', 'assessments.write': 'write', 'assessments.review': 'review' },
  errors: ASSESSMENT_ERRORS,
  routes: [
    assessmentPrefillRoutes,
    assessmentHistoryRoutes,
    assessmentFileRoutes,
    assessmentRoutes,
    assessmentReportRoutes,
    assessmentAnswerRoutes,
    assessmentSettingsRoutes,
    evidenceRoutes,
    shareRoutes,
  ],
  relationshipEnded: revokeSharesOnEnd,
});
