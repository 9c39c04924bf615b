import { defineModule } from '../../platform/module.ts';
import { ADVISORIES_IMPORT_JOB, advisoriesImportJob } from './feed/job.ts';
import { ADVISORIES_DAILY_JOB, advisoriesDailyJob, sweepAdvisoryImports } from './maintenance.ts';
import { advisoryRoutes } from './routes.ts';

/**
 * The instance's advisory database (OSV records): status and provenance, imports (instance administrators),
 * the import job, the sweep of abandoned runs and the daily full re-match.
 */
export const advisoriesModule = defineModule({
  name: 'advisories',
  permissions: { 'advisories.read': 'read', 'advisories.manage': 'manage' },
  routes: [advisoryRoutes],
  jobs: (deps) => ({
    [ADVISORIES_IMPORT_JOB]: advisoriesImportJob(deps),
    [ADVISORIES_DAILY_JOB]: advisoriesDailyJob(deps),
  }),
  daily: [ADVISORIES_DAILY_JOB],
  start: sweepAdvisoryImports,
});

export { ADVISORIES_DAILY_JOB, advisoriesDailyJob, sweepAdvisoryImports };
