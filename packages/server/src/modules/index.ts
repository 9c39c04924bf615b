import type { ServerModule } from '../platform/module.ts';
import { advisoriesModule } from './advisories/index.ts';
import { assessmentsModule } from './assessments/index.ts';
import { cpsfModule } from './cpsf/index.ts';
import { governanceModule } from './governance/index.ts';
import { libraryModule } from './library/index.ts';
import { smeModule } from './sme/index.ts';
import { sharingModule } from './sharing/index.ts';
import { softwareModule } from './software/index.ts';
import { supplychainModule } from './supplychain/index.ts';
import { threatsModule } from './threats/index.ts';

/**
 * The one list of server modules. The app registers their routes in this order, the server start
 * runs their `start` hooks, jobs and daily tasks, and the error mapper and the public-route check
 * read their declarations. Adding a module is one line here.
 */
export const SERVER_MODULES: readonly ServerModule[] = [
  libraryModule,
  assessmentsModule,
  governanceModule,
  smeModule,
  cpsfModule,
  softwareModule,
  advisoriesModule,
  threatsModule,
  supplychainModule,
  sharingModule,
];
