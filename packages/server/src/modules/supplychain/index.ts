import { defineModule } from '../../platform/module.ts';
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
  permissions: { 'supplychain.read': 'read', 'supplychain.write': 'write', ...CAMPAIGN_PERMISSIONS },
  errors: { ...CAMPAIGN_ERRORS },
  routes: [supplierRoutes, ...CAMPAIGN_ROUTES],
  // Questionnaire campaigns (campaigns/, respond/, outbox/): the respondent's routes need no account.
  publicRoutes: RESPOND_PUBLIC_ROUTES,
  jobs: campaignJobHandlers,
  daily: CAMPAIGN_DAILY,
});
