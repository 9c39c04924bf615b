import {
  droppedOut,
  isThreatKey,
  rankHistory,
  THREAT_DEFS,
  THREAT_MAPPINGS,
  THREAT_YEARS,
  threatYears,
  yearTable,
} from '@shinrai/core/threats';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { fail } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { threatCoverage } from './coverage.ts';

const Text = z.object({ ja: z.string(), en: z.string() });
const Movement = z.enum(['new', 'up', 'down', 'same', 'returning', 'unknown']);
const Threat = z.object({ key: z.string(), label: Text, description: Text });
const Row = z.object({
  rank: z.number(),
  key: z.string(),
  titleJa: z.string(),
  titleEn: z.string(),
  confirmed: z.boolean(),
  source: z.string(),
  ipaRecord: z.string().nullable(),
  movement: Movement,
  previousRank: z.number().nullable(),
  previousYear: z.number().nullable(),
  threat: Threat,
});
const AssessmentRef = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  createdAt: z.string(),
});
const Key = z
  .string()
  .min(1)
  .max(40)
  .meta({ examples: ['ransomware'] });

const threatView = (key: keyof typeof THREAT_DEFS) => {
  const d = THREAT_DEFS[key];
  return { key: d.key, label: d.label, description: d.description };
};

/** The threat library: IPA's yearly ranking, a threat's history, and what answers it in an organization. */
export function threatRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/threats',
      {
        config: { permission: 'threats.read' },
        schema: {
          tags: ['threats'],
          summary:
            "IPA's 情報セキュリティ10大脅威 (organizations) for one year (default: the latest), with each threat's movement since the year before",
          params: z.strictObject({ orgId: Id }),
          querystring: z.strictObject({ year: z.coerce.number().int().optional() }),
          response: {
            200: z.object({
              years: z.array(z.number()),
              year: z.number(),
              announced: z.string(),
              ipaUrl: z.string(),
              sources: z.array(z.string()),
              rows: z.array(Row),
              dropped: z.array(z.object({ previousRank: z.number(), threat: Threat })),
            }),
          },
        },
      },
      async (req) => {
        const years = threatYears();
        const year = req.query.year ?? years[years.length - 1]!;
        const held = THREAT_YEARS.find((y) => y.year === year) ?? fail('not_found', { year });
        return {
          years,
          year,
          announced: held.announced,
          ipaUrl: held.ipaUrl,
          sources: held.sources,
          rows: yearTable(year).map((r) => ({
            rank: r.rank,
            key: r.key,
            titleJa: r.titleJa,
            titleEn: r.titleEn,
            confirmed: r.confirmed,
            source: r.source,
            ipaRecord: r.ipaRecord ?? null,
            movement: r.movement,
            previousRank: r.previousRank,
            previousYear: r.previousYear,
            threat: threatView(r.key),
          })),
          dropped: droppedOut(year).map((d) => ({ previousRank: d.previousRank, threat: threatView(d.key) })),
        };
      },
    );

    app.get(
      '/api/orgs/:orgId/threats/:key',
      {
        config: { permission: 'threats.read' },
        schema: {
          tags: ['threats'],
          summary:
            'One threat: what it is (our words), its rank every year, and the requirements that answer it',
          params: z.strictObject({ orgId: Id, key: Key }),
          response: {
            200: z.object({
              threat: Threat,
              history: z.array(
                z.object({ year: z.number(), rank: z.number().nullable(), titleJa: z.string().nullable() }),
              ),
              mapping: z.object({
                cpsf: z.array(z.object({ id: z.string(), reason: Text })),
                directives: z.array(z.object({ ref: z.string(), reason: Text })),
              }),
            }),
          },
        },
      },
      async (req) => {
        const key = req.params.key;
        if (!isThreatKey(key)) return fail('not_found');
        return { threat: threatView(key), history: rankHistory(key), mapping: THREAT_MAPPINGS[key] };
      },
    );

    app.get(
      '/api/orgs/:orgId/threats/:key/coverage',
      {
        config: { permission: 'threats.read' },
        schema: {
          tags: ['threats'],
          summary:
            'What answers a threat in this organization: the mapped CPSF requirements in its latest CPSF assessment and the mapped directives in its latest management-guidelines assessment',
          params: z.strictObject({ orgId: Id, key: Key }),
          response: {
            200: z.object({
              cpsf: z.object({
                assessment: AssessmentRef.nullable(),
                items: z.array(
                  z.object({
                    id: z.string(),
                    reason: Text,
                    title: Text.nullable(),
                    answered: z.boolean(),
                    percent: z.number().nullable(),
                  }),
                ),
              }),
              directives: z.object({
                assessment: AssessmentRef.nullable(),
                items: z.array(
                  z.object({
                    ref: z.string(),
                    reason: Text,
                    title: Text.nullable(),
                    percent: z.number().nullable(),
                  }),
                ),
              }),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const key = req.params.key;
        if (!isThreatKey(key)) return fail('not_found');
        return threatCoverage(deps.store.db, access.orgId, key);
      },
    );
  };
}
