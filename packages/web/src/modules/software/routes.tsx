import { Route } from 'react-router';
import { lazyPages } from '../lazy';
import { softwareI18n } from './i18n';

// The software pages (SBOM, findings, 10,000-row component table) load on demand.
const page = lazyPages(() => import('./pages'), [softwareI18n]);
const SoftwarePage = page('SoftwarePage');
const SoftwareProductPage = page('SoftwareProductPage');
const SoftwareReleasePage = page('SoftwareReleasePage');
const SoftwareWhereUsedPage = page('SoftwareWhereUsedPage');
const SoftwareAdvisoriesPage = page('SoftwareAdvisoriesPage');

export const orgRoutes = (
  <>
    <Route path="software" element={<SoftwarePage />} />
    <Route path="software/products/:productId" element={<SoftwareProductPage />} />
    <Route path="software/releases/:releaseId" element={<SoftwareReleasePage />} />
    <Route path="software/where-used" element={<SoftwareWhereUsedPage />} />
    <Route path="software/advisories" element={<SoftwareAdvisoriesPage />} />
  </>
);
