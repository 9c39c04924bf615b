export { SuppliersPage } from './SuppliersPage';
export { SupplierPage } from './SupplierPage';
export { ChainPage } from './ChainPage';
export { CoveragePage } from './CoveragePage';
