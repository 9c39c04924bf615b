import { Navigate, Route } from 'react-router';
import { smeI18n } from '../sme/i18n';
import { lazyPages } from '../lazy';
import { platformI18n } from './i18n';

// The overview shows the SME journey's summary card, hence the sme strings.
const page = lazyPages(() => import('./pages'), [platformI18n, smeI18n]);
const RootRedirect = page('RootRedirect');
const SetupPage = page('SetupPage');
const LoginPage = page('LoginPage');
const InvitePage = page('InvitePage');
const OrgInvitePage = page('OrgInvitePage');
const NotFoundPage = page('NotFoundPage');
const AccountPage = page('AccountPage');
const OverviewPage = page('OverviewPage');
const MembersPage = page('MembersPage');
const InvitationsPage = page('InvitationsPage');
const RelationshipsPage = page('RelationshipsPage');
const TokensPage = page('TokensPage');
const AuditPage = page('AuditPage');

export const publicRoutes = (
  <>
    <Route index element={<RootRedirect />} />
    <Route path="setup" element={<SetupPage />} />
    <Route path="login" element={<LoginPage />} />
    <Route path="invite/:token" element={<InvitePage />} />
    <Route path="org-invite/:token" element={<OrgInvitePage />} />
  </>
);

// Unknown addresses render inside the app shell (the `*` routes rank below every named route).
export const routes = (
  <>
    <Route path="account" element={<AccountPage />} />
    <Route path="*" element={<NotFoundPage />} />
  </>
);

export const orgRoutes = (
  <>
    <Route index element={<Navigate to="overview" replace />} />
    <Route path="overview" element={<OverviewPage />} />
    <Route path="members" element={<MembersPage />} />
    <Route path="invitations" element={<InvitationsPage />} />
    <Route path="relationships" element={<RelationshipsPage />} />
    <Route path="tokens" element={<TokensPage />} />
    <Route path="audit" element={<AuditPage />} />
    <Route path="account" element={<AccountPage />} />
    <Route path="*" element={<NotFoundPage />} />
  </>
);
