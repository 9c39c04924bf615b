import { Route } from 'react-router';
import { lazyPages } from '../lazy';
import { sharingI18n } from './i18n';

const page = lazyPages(() => import('./pages'), [sharingI18n]);
const SharingPage = page('SharingPage');
const ReportPage = page('ReportPage');
const PublishedPage = page('PublishedPage');

export const orgRoutes = (
  <>
    <Route path="sharing" element={<SharingPage />} />
    <Route path="sharing/reports/:id" element={<ReportPage />} />
    <Route path="sharing/feed/:id" element={<PublishedPage />} />
  </>
);
