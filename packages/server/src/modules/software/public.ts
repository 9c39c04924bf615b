// Signed webhooks as other modules use them: the address guard (public http(s) addresses only, checked
// again when connecting), the sender with its timeout, and the `x-shinrai-signature` HMAC.
export { webhookSignature } from './inventory/notify.ts';
export {
  checkWebhookUrl,
  sendWebhook,
  WEBHOOK_URL_MESSAGES,
  type Resolve,
  type WebhookSendOptions,
} from './inventory/webhook.ts';
export { webhookSettingsChange } from './inventory/webhook-settings.ts';
// The address guard itself, for other modules' outgoing requests (the sharing module's TAXII client).
export { isPublicAddress, webhookUrlProblem } from './inventory/webhook.ts';
