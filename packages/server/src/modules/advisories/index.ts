import { defineModule } from '../../platform/module.ts';
import { ADVISORIES_IMPORT_JOB, advisoriesImportJob } from './feed/job.ts';
import { advisoryRoutes } from './routes.ts';

/** The instance's advisory database (OSV records): status, imports, the import job. */
export const advisoriesModule = defineModule({
  name: 'advisories',
  permissions: { 'advisories.read': 'read', 'advisories.manage': 'manage' },
  routes: [advisoryRoutes],
  jobs: (deps) => ({ [ADVISORIES_IMPORT_JOB]: advisoriesImportJob(deps) }),
});
