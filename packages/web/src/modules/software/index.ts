import type { WebModule } from '../types';
import { auditLabels } from './audit';
import { softwareI18n } from './i18n';
import { nav } from './nav';
import { orgRoutes } from './routes';

/** Software products, SBOMs, findings, VEX and advisories. */
export const software: WebModule = { name: 'software', i18n: softwareI18n, orgRoutes, nav, auditLabels };
