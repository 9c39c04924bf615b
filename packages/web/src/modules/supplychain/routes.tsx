import { Route } from 'react-router';
import { lazyPages } from '../lazy';
import { supplychainI18n } from './i18n';

const page = lazyPages(() => import('./pages'), [supplychainI18n]);
const SuppliersPage = page('SuppliersPage');

export const orgRoutes = (
  <>
    <Route path="suppliers" element={<SuppliersPage />} />
  </>
);
