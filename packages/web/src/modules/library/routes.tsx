import { Route } from 'react-router';
import { lazyPages } from '../lazy';
import { libraryI18n } from './i18n';

const page = lazyPages(() => import('./pages'), [libraryI18n]);
const CatalogsPage = page('CatalogsPage');
const CatalogImportPage = page('CatalogImportPage');
const CatalogPage = page('CatalogPage');

export const orgRoutes = (
  <>
    <Route path="catalogs" element={<CatalogsPage />} />
    <Route path="catalogs/import" element={<CatalogImportPage />} />
    <Route path="catalogs/:catalogId" element={<CatalogPage />} />
  </>
);
