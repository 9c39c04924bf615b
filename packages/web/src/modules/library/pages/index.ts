export { CatalogImportPage } from './CatalogImportPage';
export { CatalogPage } from './CatalogPage';
export { CatalogsPage } from './CatalogsPage';
