import { Route } from 'react-router';
import { lazyPages } from '../../lazy';
import { campaignsI18n } from '../campaigns/i18n';
import { inboxI18n } from './i18n';

const page = lazyPages(() => import('./pages'), [inboxI18n, campaignsI18n]);
const InboxPage = page('InboxPage');
const InboxRequestPage = page('InboxRequestPage');

/** The supplier's inbox pages (under 回答依頼（受信）). */
export const inboxOrgRoutes = (
  <>
    <Route path="inbox" element={<InboxPage />} />
    <Route path="inbox/:requestId" element={<InboxRequestPage />} />
  </>
);
