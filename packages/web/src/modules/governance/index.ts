import type { WebModule } from '../types';
import { auditLabels } from './audit';
import { governanceI18n } from './i18n';
import { nav } from './nav';
import { orgRoutes } from './routes';

/** Cybersecurity Management Guidelines (経営ガイドライン): targets, dashboard and action plan. */
export const governance: WebModule = {
  name: 'governance',
  i18n: governanceI18n,
  orgRoutes,
  nav,
  auditLabels,
};
