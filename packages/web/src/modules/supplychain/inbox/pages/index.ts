export { InboxPage } from './InboxPage';
export { InboxRequestPage } from './InboxRequestPage';
