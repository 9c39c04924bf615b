import { defineModule } from '../../platform/module.ts';
import { supplierRoutes } from './routes.ts';

/**
 * Supplier status across the chain (issue 14): the buyer's supplier registry keyed by 法人番号, tiers seen as
 * far as each supplier shares, the ★3/★4 decision per supplier, import/export and coverage (状況把握率).
 */
export const supplychainModule = defineModule({
  name: 'supplychain',
  permissions: { 'supplychain.read': 'read', 'supplychain.write': 'write' },
  errors: {},
  routes: [supplierRoutes],
});
