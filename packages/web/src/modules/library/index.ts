import type { WebModule } from '../types';
import { auditLabels } from './audit';
import { libraryI18n } from './i18n';
import { nav } from './nav';
import { orgRoutes } from './routes';

/** Requirement catalogs (要求事項カタログ) and their import. */
export const library: WebModule = { name: 'library', i18n: libraryI18n, orgRoutes, nav, auditLabels };
