import { defineModule } from '../../platform/module.ts';
import { softwareFileRoutes } from './file-routes.ts';
import { SOFTWARE_REMATCH_JOB, softwareRematchJob } from './inventory/rematch.ts';
import { softwareRoutes } from './routes.ts';

/** Software supply chain: products, releases, SBOMs, findings, VEX, licenses, artifacts, shares. */
export const softwareModule = defineModule({
  name: 'software',
  permissions: { 'software.read': 'read', 'software.write': 'write' },
  routes: [softwareRoutes, softwareFileRoutes],
  jobs: (deps) => ({ [SOFTWARE_REMATCH_JOB]: softwareRematchJob(deps) }),
});

export { SOFTWARE_REMATCH_JOB, softwareRematchJob };
export { graphJson } from './inventory/ingest.ts';
