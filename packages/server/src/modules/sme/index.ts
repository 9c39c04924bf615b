import { defineModule } from '../../platform/module.ts';
import { registerSharedResultFacet } from '../assessments/public.ts';
import { SmeSharedSummary, smeSharedSummary } from './public.ts';
import { SME_REMINDERS, smeRemindersJob } from './reminders-job.ts';
import { smeRoutes } from './routes.ts';

// A buyer reading a shared self-check sees its real state, declaration and policy page (`sme`).
registerSharedResultFacet({ key: 'sme', schema: SmeSharedSummary, summarize: smeSharedSummary });

/** The SME journey: five rules, self-check, basic policy, SECURITY ACTION, yearly reminder. */
export const smeModule = defineModule({
  name: 'sme',
  permissions: { 'sme.read': 'read', 'sme.write': 'write', 'sme.review': 'review' },
  routes: [smeRoutes],
  jobs: (deps) => ({ [SME_REMINDERS]: smeRemindersJob(deps) }),
  daily: [SME_REMINDERS],
});

export { SME_REMINDERS, smeRemindersJob };
