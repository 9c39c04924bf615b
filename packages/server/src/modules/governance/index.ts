import { defineModule } from '../../platform/module.ts';
import { GOVERNANCE_ERRORS } from './errors.ts';
import { GOVERNANCE_OVERDUE_JOB, governanceOverdueJob } from './overdue-job.ts';
import {
  computePeerBenchmarks,
  GOVERNANCE_PEERS_JOB,
  governancePeersJob,
  queuePeersIfNeverComputed,
} from './peer-benchmark.ts';
import { governanceActionRoutes } from './action-routes.ts';
import { governanceReportRoutes } from './report-routes.ts';
import { governanceRoutes } from './routes.ts';
import { governanceAuditNames } from './audit-names.ts';

/** The Cybersecurity Management Guidelines: ten directives, targets, peers, actions, board report. */
export const governanceModule = defineModule({
  name: 'governance',
  auditNames: governanceAuditNames,
  permissions: { 'governance.read': 'read', 'governance.write': 'write', 'governance.review': 'review' },
  errors: GOVERNANCE_ERRORS,
  routes: [governanceRoutes, governanceActionRoutes, governanceReportRoutes],
  jobs: (deps) => ({
    [GOVERNANCE_OVERDUE_JOB]: governanceOverdueJob(deps),
    [GOVERNANCE_PEERS_JOB]: governancePeersJob(deps),
  }),
  daily: [GOVERNANCE_OVERDUE_JOB, GOVERNANCE_PEERS_JOB],
  start: queuePeersIfNeverComputed,
});

export { GOVERNANCE_OVERDUE_JOB, governanceOverdueJob, GOVERNANCE_PEERS_JOB, computePeerBenchmarks };
