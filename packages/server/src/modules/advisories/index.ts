import { defineModule } from '../../platform/module.ts';
import type { Deps } from '../../platform/deps.ts';
import { ADVISORIES_IMPORT_JOB, advisoriesImportJob } from './feed/job.ts';
import { ADVISORIES_DAILY_JOB, advisoriesDailyJob, sweepAdvisoryImports } from './maintenance.ts';
import { advisoryRoutes } from './routes.ts';
import { advisoriesFeedJob } from './sources/job.ts';
import { advisoryFeedRoutes } from './sources/routes.ts';
import { ADVISORIES_FEED_JOB, ensureFeedScheduled } from './sources/schedule.ts';

/**
 * The instance's advisory database (OSV records): status and provenance, imports (instance administrators),
 * the scheduled feed (sources, their runs), the import job, the sweep of abandoned runs and the daily full
 * re-match.
 */
export const advisoriesModule = defineModule({
  name: 'advisories',
  permissions: { 'advisories.read': 'read', 'advisories.manage': 'manage' },
  routes: [advisoryFeedRoutes, advisoryRoutes],
  jobs: (deps) => ({
    [ADVISORIES_IMPORT_JOB]: advisoriesImportJob(deps),
    [ADVISORIES_DAILY_JOB]: advisoriesDailyJob(deps),
    [ADVISORIES_FEED_JOB]: advisoriesFeedJob(deps),
  }),
  daily: [ADVISORIES_DAILY_JOB],
  start: async (deps: Deps) => {
    await sweepAdvisoryImports(deps);
    await ensureFeedScheduled(deps);
  },
});

export { ADVISORIES_DAILY_JOB, advisoriesDailyJob, sweepAdvisoryImports };
export * from './sources/index.ts';
