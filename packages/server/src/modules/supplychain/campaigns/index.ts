// The campaigns part of the supply-chain module, as its definition (../index.ts) takes it in.
import type { Deps } from '../../../platform/deps.ts';
import { campaignJobs, REMINDERS_JOB } from '../outbox/jobs.ts';
import { inboxRoutes } from '../inbox/routes.ts';
import { outboxRoutes } from '../outbox/routes.ts';
import { respondRoutes, RESPOND_PUBLIC_ROUTES } from '../respond/routes.ts';
import { starResultRoutes } from '../star-results/routes.ts';
import { CAMPAIGN_ERRORS } from './errors.ts';
import { campaignRoutes } from './routes.ts';

/** Campaigns read with supplychain.read and send with supplychain.write (the module's); review is their own. */
export const CAMPAIGN_PERMISSIONS = { 'supplychain.review': 'review' } as const;
export { CAMPAIGN_ERRORS, RESPOND_PUBLIC_ROUTES, REMINDERS_JOB };
export const CAMPAIGN_ROUTES = [
  campaignRoutes,
  outboxRoutes,
  respondRoutes,
  inboxRoutes,
  starResultRoutes,
] as const;
export const CAMPAIGN_DAILY = [REMINDERS_JOB] as const;
export const campaignJobHandlers = (deps: Deps) => campaignJobs(deps);
export { knownSupplierStatus, KNOWN_WITHIN_MONTHS, type KnownStatus } from './coverage.ts';
