import type { WebModule } from '../types';
import { auditLabels } from './audit';
import { campaignAuditLabels } from './campaigns/audit';
import { campaignNav } from './campaigns/nav';
import { campaignOrgRoutes, campaignPublicRoutes } from './campaigns/routes';
import { supplychainI18n } from './i18n';
import { inboxNav } from './inbox/nav';
import { inboxOrgRoutes } from './inbox/routes';
import { nav } from './nav';
import { orgRoutes } from './routes';

/** Supplier status across the chain: the supplier registry, tiers, ★3/★4 decisions and coverage. */
export const supplychain: WebModule = {
  name: 'supplychain',
  i18n: supplychainI18n,
  orgRoutes: (
    <>
      {orgRoutes}
      {campaignOrgRoutes}
      {inboxOrgRoutes}
    </>
  ),
  publicRoutes: campaignPublicRoutes,
  nav: [...nav, ...campaignNav, ...inboxNav],
  auditLabels: {
    actions: { ...auditLabels.actions, ...campaignAuditLabels.actions },
    targets: { ...auditLabels.targets, ...campaignAuditLabels.targets },
  },
};
