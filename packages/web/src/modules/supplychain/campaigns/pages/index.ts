export { CampaignsPage } from './CampaignsPage';
export { NewCampaignPage } from './NewCampaignPage';
export { CampaignPage, OutboxPage } from './CampaignPage';
export { RequestReviewPage } from './RequestReviewPage';
export { RespondPage } from './RespondPage';
