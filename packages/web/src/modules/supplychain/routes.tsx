import { Route } from 'react-router';
import { lazyPages } from '../lazy';
import { supplychainI18n } from './i18n';

const page = lazyPages(() => import('./pages'), [supplychainI18n]);
const SuppliersPage = page('SuppliersPage');
const SupplierPage = page('SupplierPage');
const ChainPage = page('ChainPage');
const CoveragePage = page('CoveragePage');

export const orgRoutes = (
  <>
    <Route path="suppliers" element={<SuppliersPage />} />
    <Route path="suppliers/chain" element={<ChainPage />} />
    <Route path="suppliers/coverage" element={<CoveragePage />} />
    <Route path="suppliers/:supplierId" element={<SupplierPage />} />
  </>
);
