import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { lazy, Suspense, type ReactNode } from 'react';
import { AppLayout } from './components/AppLayout';
import { FullPageLoader } from './components/FullPageLoader';
import { AccountPage } from './modules/platform/pages/AccountPage';
import { AssessmentPage } from './modules/assessments/pages/AssessmentPage';
import { AssessmentsPage } from './modules/assessments/pages/AssessmentsPage';
import { AuditPage } from './modules/platform/pages/AuditPage';
import { CatalogImportPage } from './modules/library/pages/CatalogImportPage';
import { CatalogPage } from './modules/library/pages/CatalogPage';
import { CatalogsPage } from './modules/library/pages/CatalogsPage';
import { GovernancePage } from './modules/governance/pages/GovernancePage';
import { InvitationsPage } from './modules/platform/pages/InvitationsPage';
import { InvitePage } from './modules/platform/pages/InvitePage';
import { LoginPage } from './modules/platform/pages/LoginPage';
import { MembersPage } from './modules/platform/pages/MembersPage';
import { NotFoundPage } from './modules/platform/pages/NotFoundPage';
import { OverviewPage } from './modules/platform/pages/OverviewPage';
import { RelationshipsPage } from './modules/platform/pages/RelationshipsPage';
import { RootRedirect } from './modules/platform/pages/RootRedirect';
import { SetupPage } from './modules/platform/pages/SetupPage';
import { SharedPage } from './modules/assessments/pages/SharedPage';
import { SmePage } from './modules/sme/pages/SmePage';
import { TokensPage } from './modules/platform/pages/TokensPage';
import { SessionProvider } from './session/SessionContext';
import { theme } from './theme';

// The CPSF pages carry the graph editor (React Flow): loaded on demand, outside the main bundle.
const CpsfModelsPage = lazy(() =>
  import('./modules/cpsf/pages/CpsfModelsPage').then((m) => ({ default: m.CpsfModelsPage })),
);
const CpsfModelPage = lazy(() =>
  import('./modules/cpsf/pages/CpsfModelPage').then((m) => ({ default: m.CpsfModelPage })),
);
const cpsf = (page: ReactNode) => <Suspense fallback={<FullPageLoader />}>{page}</Suspense>;

// The software pages (SBOM, findings, 10,000-row component table) also load on demand.
const SoftwarePage = lazy(() =>
  import('./modules/software/pages/SoftwarePage').then((m) => ({ default: m.SoftwarePage })),
);
const SoftwareProductPage = lazy(() =>
  import('./modules/software/pages/SoftwareProductPage').then((m) => ({ default: m.SoftwareProductPage })),
);
const SoftwareReleasePage = lazy(() =>
  import('./modules/software/pages/SoftwareReleasePage').then((m) => ({ default: m.SoftwareReleasePage })),
);
const SoftwareWhereUsedPage = lazy(() =>
  import('./modules/software/pages/SoftwareWhereUsedPage').then((m) => ({
    default: m.SoftwareWhereUsedPage,
  })),
);
const SoftwareAdvisoriesPage = lazy(() =>
  import('./modules/software/pages/SoftwareAdvisoriesPage').then((m) => ({
    default: m.SoftwareAdvisoriesPage,
  })),
);
const software = (page: ReactNode) => <Suspense fallback={<FullPageLoader />}>{page}</Suspense>;

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} autoClose={4000} />
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route index element={<RootRedirect />} />
            <Route path="setup" element={<SetupPage />} />
            <Route path="login" element={<LoginPage />} />
            <Route path="invite/:token" element={<InvitePage />} />
            <Route element={<AppLayout />}>
              <Route path="account" element={<AccountPage />} />
              <Route path="orgs/:orgId">
                <Route index element={<Navigate to="overview" replace />} />
                <Route path="overview" element={<OverviewPage />} />
                <Route path="sme" element={<SmePage />} />
                <Route path="governance" element={<GovernancePage />} />
                <Route path="shared" element={<SharedPage />} />
                <Route path="shared/:shareId" element={<SharedPage />} />
                <Route path="assessments" element={<AssessmentsPage />} />
                <Route path="assessments/:assessmentId/*" element={<AssessmentPage />} />
                <Route path="catalogs" element={<CatalogsPage />} />
                <Route path="catalogs/import" element={<CatalogImportPage />} />
                <Route path="catalogs/:catalogId" element={<CatalogPage />} />
                <Route path="cpsf" element={cpsf(<CpsfModelsPage />)} />
                <Route path="cpsf/:modelId" element={cpsf(<CpsfModelPage />)} />
                <Route path="software" element={software(<SoftwarePage />)} />
                <Route path="software/products/:productId" element={software(<SoftwareProductPage />)} />
                <Route path="software/releases/:releaseId" element={software(<SoftwareReleasePage />)} />
                <Route path="software/where-used" element={software(<SoftwareWhereUsedPage />)} />
                <Route path="software/advisories" element={software(<SoftwareAdvisoriesPage />)} />
                <Route path="members" element={<MembersPage />} />
                <Route path="invitations" element={<InvitationsPage />} />
                <Route path="relationships" element={<RelationshipsPage />} />
                <Route path="tokens" element={<TokensPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="account" element={<AccountPage />} />
              </Route>
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </MantineProvider>
  );
}
