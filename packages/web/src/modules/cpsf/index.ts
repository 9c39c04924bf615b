import type { WebModule } from '../types';
import { auditLabels } from './audit';
import { cpsfI18n } from './i18n';
import { nav } from './nav';
import { orgRoutes } from './routes';

/** The CPSF model editor (React Flow: a chunk of its own). */
export const cpsf: WebModule = { name: 'cpsf', i18n: cpsfI18n, orgRoutes, nav, auditLabels };
