export { SoftwareAdvisoriesPage } from './SoftwareAdvisoriesPage';
export { SoftwarePage } from './SoftwarePage';
export { SoftwareProductPage } from './SoftwareProductPage';
export { SoftwareReleasePage } from './SoftwareReleasePage';
export { SoftwareWhereUsedPage } from './SoftwareWhereUsedPage';
