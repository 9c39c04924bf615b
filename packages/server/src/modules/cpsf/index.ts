import { defineModule } from '../../platform/module.ts';
import { cpsfFileRoutes } from './file-routes.ts';
import { cpsfRoutes } from './routes.ts';

/** CPSF value-creation-process models: elements, edges, risk sources, requirements, gaps. */
export const cpsfModule = defineModule({
  name: 'cpsf',
  permissions: { 'cpsf.read': 'read', 'cpsf.write': 'write' },
  routes: [cpsfRoutes, cpsfFileRoutes],
});
