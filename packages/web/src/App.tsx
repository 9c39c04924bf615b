import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { lazy, Suspense, type ReactNode } from 'react';
import { AppLayout } from './components/AppLayout';
import { FullPageLoader } from './components/FullPageLoader';
import { AccountPage } from './pages/AccountPage';
import { AssessmentPage } from './pages/AssessmentPage';
import { AssessmentsPage } from './pages/AssessmentsPage';
import { AuditPage } from './pages/AuditPage';
import { CatalogImportPage } from './pages/CatalogImportPage';
import { CatalogPage } from './pages/CatalogPage';
import { CatalogsPage } from './pages/CatalogsPage';
import { GovernancePage } from './pages/GovernancePage';
import { InvitationsPage } from './pages/InvitationsPage';
import { InvitePage } from './pages/InvitePage';
import { LoginPage } from './pages/LoginPage';
import { MembersPage } from './pages/MembersPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OverviewPage } from './pages/OverviewPage';
import { RelationshipsPage } from './pages/RelationshipsPage';
import { RootRedirect } from './pages/RootRedirect';
import { SetupPage } from './pages/SetupPage';
import { SharedPage } from './pages/SharedPage';
import { SmePage } from './pages/SmePage';
import { TokensPage } from './pages/TokensPage';
import { SessionProvider } from './session/SessionContext';
import { theme } from './theme';

// The CPSF pages carry the graph editor (React Flow): loaded on demand, outside the main bundle.
const CpsfModelsPage = lazy(() =>
  import('./pages/CpsfModelsPage').then((m) => ({ default: m.CpsfModelsPage })),
);
const CpsfModelPage = lazy(() => import('./pages/CpsfModelPage').then((m) => ({ default: m.CpsfModelPage })));
const cpsf = (page: ReactNode) => <Suspense fallback={<FullPageLoader />}>{page}</Suspense>;

// The software pages (SBOM, findings, 10,000-row component table) also load on demand.
const SoftwarePage = lazy(() => import('./pages/SoftwarePage').then((m) => ({ default: m.SoftwarePage })));
const SoftwareProductPage = lazy(() =>
  import('./pages/SoftwareProductPage').then((m) => ({ default: m.SoftwareProductPage })),
);
const SoftwareReleasePage = lazy(() =>
  import('./pages/SoftwareReleasePage').then((m) => ({ default: m.SoftwareReleasePage })),
);
const SoftwareWhereUsedPage = lazy(() =>
  import('./pages/SoftwareWhereUsedPage').then((m) => ({ default: m.SoftwareWhereUsedPage })),
);
const SoftwareAdvisoriesPage = lazy(() =>
  import('./pages/SoftwareAdvisoriesPage').then((m) => ({ default: m.SoftwareAdvisoriesPage })),
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
