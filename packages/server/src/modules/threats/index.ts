import { defineModule } from '../../platform/module.ts';
import { threatRoutes } from './routes.ts';

/**
 * The threat library: IPA's 情報セキュリティ10大脅威 (organizations) by year with rank history,
 * each threat mapped to the CPSF requirements and management-guideline directives that answer it,
 * and how far an organization's own assessments answer it. Built-in data only: no tables.
 */
export const threatsModule = defineModule({
  name: 'threats',
  permissions: { 'threats.read': 'read' },
  routes: [threatRoutes],
});
