import type { WebModule } from '../types';
import { auditLabels } from './audit';
import { platformI18n } from './i18n';
import { nav } from './nav';
import { orgRoutes, publicRoutes, routes } from './routes';

/** Sign-in, first-run setup, account, and the organization's profile, members, partners, tokens and audit log. */
export const platform: WebModule = {
  name: 'platform',
  i18n: platformI18n,
  publicRoutes,
  routes,
  orgRoutes,
  nav,
  auditLabels,
};
