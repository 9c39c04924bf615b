import { Route } from 'react-router';
import { lazyPages } from '../../lazy';
import { inboxI18n } from '../inbox/i18n';
import { campaignsI18n } from './i18n';

const page = lazyPages(() => import('./pages'), [campaignsI18n, inboxI18n]);
const CampaignsPage = page('CampaignsPage');
const NewCampaignPage = page('NewCampaignPage');
const CampaignPage = page('CampaignPage');
const OutboxPage = page('OutboxPage');
const RequestReviewPage = page('RequestReviewPage');
const RespondPage = page('RespondPage');

/** The buyer's campaign pages (under the 回答依頼 menu entry). */
export const campaignOrgRoutes = (
  <>
    <Route path="campaigns" element={<CampaignsPage />} />
    <Route path="campaigns/new" element={<NewCampaignPage />} />
    <Route path="campaigns/outbox" element={<OutboxPage />} />
    <Route path="campaigns/requests/:requestId" element={<RequestReviewPage />} />
    <Route path="campaigns/:campaignId" element={<CampaignPage />} />
  </>
);

/** The respondent's page: outside the signed-in layout, no account. */
export const campaignPublicRoutes = <Route path="respond" element={<RespondPage />} />;
