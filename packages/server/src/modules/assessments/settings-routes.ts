import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { Id } from '../../platform/http/schemas.ts';
import { getSettings, updateSettings } from './services/settings.ts';

const Settings = z.object({
  fourEyes: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

/** The organization's review settings for assessments (four-eyes approval). */
export function assessmentSettingsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/assessment-settings',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary: 'Review settings of the organization (fourEyes: approval by someone else; off by default)',
          params: z.strictObject({ orgId: Id }),
          response: { 200: z.object({ settings: Settings }) },
        },
      },
      async (req) => ({ settings: await getSettings(ctxOf(deps, req)) }),
    );

    app.put(
      '/api/orgs/:orgId/assessment-settings',
      {
        config: { permission: 'org.update' },
        schema: {
          tags: ['assessments'],
          summary:
            'Change the review settings (owner or admin). With fourEyes, whoever submitted an assessment or last edited an answer cannot approve it (409 four_eyes_required).',
          params: z.strictObject({ orgId: Id }),
          body: z.strictObject({ fourEyes: z.boolean() }),
          response: { 200: z.object({ settings: Settings }) },
        },
      },
      async (req) => ({ settings: await updateSettings(ctxOf(deps, req), req.body) }),
    );
  };
}
