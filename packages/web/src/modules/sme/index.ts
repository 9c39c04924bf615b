import type { WebModule } from '../types';
import { auditLabels } from './audit';
import { smeI18n } from './i18n';
import { nav } from './nav';
import { orgRoutes } from './routes';

/** The SME journey: five rules, self-check, SECURITY ACTION, policy and score. */
export const sme: WebModule = { name: 'sme', i18n: smeI18n, orgRoutes, nav, auditLabels };
