export { SharingPage } from './SharingPage';
export { ReportPage } from './ReportPage';
export { PublishedPage } from './PublishedPage';
