import { defineModule } from '../../platform/module.ts';
import { revokeRegistrySharesOnEnd } from './chain-service.ts';
import { supplierChainRoutes } from './chain-routes.ts';
import { supplierCoverageRoutes } from './coverage-routes.ts';
import { SUPPLYCHAIN_ERRORS } from './errors.ts';
import { supplierFileRoutes } from './file-routes.ts';
import { supplierRoutes } from './routes.ts';
import {
  CAMPAIGN_DAILY,
  CAMPAIGN_ERRORS,
  CAMPAIGN_PERMISSIONS,
  CAMPAIGN_ROUTES,
  campaignJobHandlers,
  RESPOND_PUBLIC_ROUTES,
} from './campaigns/index.ts';

/**
 * Supplier status across the chain (issue 14): the buyer's supplier registry keyed by 法人番号, tiers seen as
 * far as each supplier shares, the ★3/★4 decision per supplier, import/export and coverage (状況把握率).
 */
export const supplychainModule = defineModule({
  name: 'supplychain',
  // manage: sharing one's own registry with a buyer (a share decision, like every other share).
  permissions: {
    'supplychain.read': 'read',
    'supplychain.write': 'write',
    'supplychain.manage': 'manage',
    ...CAMPAIGN_PERMISSIONS,
  },
  errors: { ...SUPPLYCHAIN_ERRORS, ...CAMPAIGN_ERRORS },
  // Static paths (chain, coverage, import, export) before `/suppliers/:supplierId`.
  routes: [
    supplierChainRoutes,
    supplierCoverageRoutes,
    supplierFileRoutes,
    supplierRoutes,
    ...CAMPAIGN_ROUTES,
  ],
  relationshipEnded: revokeRegistrySharesOnEnd,
  // Questionnaire campaigns (campaigns/, respond/, outbox/): the respondent's routes need no account.
  publicRoutes: RESPOND_PUBLIC_ROUTES,
  jobs: campaignJobHandlers,
  daily: CAMPAIGN_DAILY,
});
