import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { getTargets, setTargets, type GovernanceCtx } from './edit-service.ts';
import { Group, OrgOnly, Peers, Radar, ReportQuery, Targets, TargetsInput } from './schemas.ts';
import { governancePeers } from './peer-benchmark.ts';
import { governanceGroup, governanceRadar } from './service.ts';

/**
 * サイバーセキュリティ経営 (Cybersecurity Management Guidelines) for executives: target profile, radar,
 * same-industry and group comparison. Action items are in action-routes.ts, the board report in
 * report-routes.ts.
 */
export function governanceRoutes(deps: Deps): FastifyPluginAsyncZod {
  const ctx = (req: FastifyRequest): GovernanceCtx => ({ deps, access: orgAccess(req), requestId: req.id });

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/governance/targets',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'Target maturity per directive (指示1〜10): a level 0–5 in steps of 0.5 on the checklist’s scale, also as percent',
          params: OrgOnly,
          response: { 200: z.object({ targets: Targets }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return { targets: await getTargets(deps, access.orgId) };
      },
    );

    app.put(
      '/api/orgs/:orgId/governance/targets',
      {
        config: { permission: 'governance.review' },
        schema: {
          tags: ['governance'],
          summary:
            'Set the whole target profile: {targets: {"directive-1": 3, …}}; a directive left out or null has no target (owner, admin)',
          params: OrgOnly,
          body: z.strictObject({ targets: TargetsInput }),
          response: { 200: z.object({ targets: Targets }) },
        },
      },
      async (req) => {
        return { targets: await setTargets(ctx(req), req.body.targets) };
      },
    );

    app.get(
      '/api/orgs/:orgId/governance/radar',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'Radar of the ten directives: percent of the assessment (default: the newest governance assessment), of the one before it (any catalog version) and of the target, with open/done/overdue action counts',
          params: OrgOnly,
          querystring: ReportQuery,
          response: { 200: Radar },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return governanceRadar(deps, access.orgId, req.query.assessmentId);
      },
    );

    app.get(
      '/api/orgs/:orgId/governance/peers',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'Same-industry average per directive over other organizations’ latest approved or locked governance assessment; only the number of contributors when fewer than 5 (k-anonymity). Organizations sharing a member with this one do not count.',
          params: OrgOnly,
          response: { 200: Peers },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return governancePeers(deps, access.orgId);
      },
    );

    app.get(
      '/api/orgs/:orgId/governance/group',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'Group comparison (比較シート): this organization and each group company with an active group_company relationship (this organization = parent), per directive, from each one’s latest approved or locked governance assessment',
          params: OrgOnly,
          response: { 200: Group },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return governanceGroup(deps, access.orgId);
      },
    );
  };
}
