import type { WebModule } from '../types';
import { auditLabels } from './audit';
import { assessmentsI18n } from './i18n';
import { nav } from './nav';
import { orgRoutes } from './routes';

/** Assessments, their results and prefill, and the results partners shared with the organization. */
export const assessments: WebModule = {
  name: 'assessments',
  i18n: assessmentsI18n,
  orgRoutes,
  nav,
  auditLabels,
};
