import { defineModule } from '../../platform/module.ts';
import { cpsfCatalogRoutes } from './catalog-routes.ts';
import { cpsfFileRoutes } from './file-routes.ts';
import { cpsfRoutes } from './model-routes.ts';
import { cpsfPlanRoutes } from './plan-routes.ts';
import { cpsfRiskRoutes } from './risk-routes.ts';
import { cpsfStatusRoutes } from './status-routes.ts';
import { cpsfAuditNames } from './audit-names.ts';

/** CPSF value-creation-process models: elements, edges, risk sources, requirements, gaps. */
export const cpsfModule = defineModule({
  name: 'cpsf',
  auditNames: cpsfAuditNames,
  permissions: { 'cpsf.read': 'read', 'cpsf.write': 'write' },
  routes: [cpsfRoutes, cpsfStatusRoutes, cpsfPlanRoutes, cpsfRiskRoutes, cpsfCatalogRoutes, cpsfFileRoutes],
});
