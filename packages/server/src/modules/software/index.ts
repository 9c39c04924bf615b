import { defineModule } from '../../platform/module.ts';
import { softwareFileRoutes } from './file-routes.ts';
import { SOFTWARE_REMATCH_JOB, softwareRematchJob } from './inventory/rematch.ts';
import { SOFTWARE_KEYS_JOB, softwareKeysJob, writeReleaseKeys } from './inventory/keys-job.ts';
import { warmAdvisoryDirectory } from './inventory/advisory-directory.ts';
import { softwareArtifactRoutes } from './artifact-routes.ts';
import { softwareFindingRoutes } from './finding-routes.ts';
import { softwareLicenseRoutes } from './license-routes.ts';
import { softwareNotificationRoutes } from './notification-routes.ts';
import { softwareProductRoutes } from './product-routes.ts';
import { softwareReleaseRoutes } from './release-routes.ts';
import { revokeSoftwareSharesOnEnd } from './share-lifecycle.ts';
import { softwareShareRoutes } from './share-routes.ts';
import { softwareWhereUsedRoutes } from './where-used-routes.ts';
import { softwareAuditNames } from './audit-names.ts';

/** Software supply chain: products, releases, SBOMs, findings, VEX, licenses, artifacts, shares. */
export const softwareModule = defineModule({
  name: 'software',
  auditNames: softwareAuditNames,
  permissions: { 'software.read': 'read', 'software.write': 'write' },
  // Registered in this order (the order /api/openapi.json lists the paths in).
  routes: [
    softwareShareRoutes,
    softwareNotificationRoutes,
    softwareProductRoutes,
    softwareReleaseRoutes,
    softwareFindingRoutes,
    softwareLicenseRoutes,
    softwareArtifactRoutes,
    softwareWhereUsedRoutes,
    softwareFileRoutes,
  ],
  jobs: (deps) => ({
    [SOFTWARE_REMATCH_JOB]: softwareRematchJob(deps),
    [SOFTWARE_KEYS_JOB]: softwareKeysJob(deps),
  }),
  daily: [SOFTWARE_KEYS_JOB],
  // The advisory directory starts loading in the background, so the first upload after a start finds it.
  start: async (deps) => warmAdvisoryDirectory(deps.store.db),
  relationshipEnded: revokeSoftwareSharesOnEnd,
});

export { SOFTWARE_REMATCH_JOB, softwareRematchJob, SOFTWARE_KEYS_JOB, softwareKeysJob, writeReleaseKeys };
export { graphJson } from './inventory/ingest.ts';
