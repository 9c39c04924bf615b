import { defineModule } from '../../platform/module.ts';
import { installBuiltinPacks } from './builtin.ts';
import { catalogFileRoutes } from './file-routes.ts';
import { mappingRoutes } from './mapping-routes.ts';
import { catalogRoutes } from './routes.ts';
import { catalogAuditNames } from './audit-names.ts';

/** Framework catalogs (built-in packs and imported ones) and the mappings between them. */
export const libraryModule = defineModule({
  name: 'library',
  auditNames: catalogAuditNames,
  permissions: { 'catalogs.read': 'read', 'catalogs.manage': 'manage' },
  routes: [catalogRoutes, catalogFileRoutes, mappingRoutes],
  start: async (deps) => {
    const packs = await installBuiltinPacks(deps);
    if (packs.installed.length > 0) deps.log.info({ packs: packs.installed }, 'catalog packs installed');
    for (const e of packs.errors) deps.log.error(e, 'catalog pack not loaded');
  },
});
