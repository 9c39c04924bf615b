import { defineModule } from '../../platform/module.ts';
import { SHARING_ERRORS } from './errors.ts';
import { hubRoutes } from './hub-routes.ts';
import { ensureIntakeScheduled, sharingIntakeJobs } from './intake/job.ts';
import { intakeRoutes } from './intake/routes.ts';
import { intakeSourceRoutes } from './intake/source-routes.ts';
import { sharingNotifyJobs } from './notify/deliver.ts';
import { notifyRoutes } from './notify/routes.ts';
import { reportRoutes } from './report-routes.ts';
import { warmAnalysers } from './sanitize.ts';
import { attachmentRoutes } from './eml/routes.ts';
import { TAXII_PUBLIC_ROUTES, taxiiRoutes } from './taxii/routes.ts';

/**
 * Attack-information sharing (J-CSIP-style): a hub and its members under NDA, sector groups, reports
 * sanitized with the reporter's approval, published with TLP 2.0.
 */
export const sharingModule = defineModule({
  name: 'sharing',
  permissions: {
    'sharing.read': 'read',
    'sharing.write': 'write',
    'sharing.review': 'review',
    'sharing.manage': 'manage',
  },
  errors: SHARING_ERRORS,
  routes: [
    hubRoutes,
    reportRoutes,
    notifyRoutes,
    taxiiRoutes,
    attachmentRoutes,
    intakeRoutes,
    intakeSourceRoutes,
  ],
  jobs: (deps) => ({ ...sharingNotifyJobs(deps), ...sharingIntakeJobs(deps) }),
  // The TAXII 2.1 server (/taxii2/) authenticates by itself: an API token of the member organization.
  publicRoutes: TAXII_PUBLIC_ROUTES,
  start: async (deps) => {
    await ensureIntakeScheduled(deps);
    // The sanitizer runs in the parse workers (sanitize-task.ts): their dictionaries load now.
    warmAnalysers();
  },
});

export { analysePersons, analyser, personSpans } from './analyser.ts';
export { readEml } from './eml/parse.ts';
export { readTaxiiObjectsOffThread, readTaxiiPageOffThread } from './intake/read-bundle.ts';
