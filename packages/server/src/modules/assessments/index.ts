import { defineModule } from '../../platform/module.ts';
import { ASSESSMENT_ERRORS } from './errors.ts';
import { evidenceRoutes } from './evidence-routes.ts';
import { assessmentFileRoutes } from './file-routes.ts';
import { assessmentHistoryRoutes } from './history-routes.ts';
import { assessmentRoutes } from './routes.ts';
import { shareRoutes } from './share-routes.ts';

/** The assessment engine: assessments of a catalog, answers, evidence, review, history, shares. */
export const assessmentsModule = defineModule({
  name: 'assessments',
  permissions: { 'assessments.read': 'read', 'assessments.write': 'write', 'assessments.review': 'review' },
  errors: ASSESSMENT_ERRORS,
  routes: [assessmentHistoryRoutes, assessmentFileRoutes, assessmentRoutes, evidenceRoutes, shareRoutes],
});
