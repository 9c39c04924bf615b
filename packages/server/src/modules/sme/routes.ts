import {
  basicPolicy,
  scoreAssessment,
  securityActionEligibility,
  type AnswerValue,
  type PolicyInput,
} from '@shinrai/core';
import {
  findOrganization,
  findPublishedPolicyBySlug,
  findSmePolicy,
  insertDeclaration,
  listAnswers,
  listAssessmentsOfCatalog,
  listDeclarations,
  saveSmePolicy,
  setSmePolicyPublished,
  type DeclarationRow,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/access.ts';
import { fail, requestLocale } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { loadCatalog } from '../library/public.ts';
import { policyToHtml, policyToPdf } from './policy-pdf.ts';
import { answerValues } from '../assessments/public.ts';
import { audit } from '../../platform/services/audit-trail.ts';

export const FIVE_RULES_URN = 'urn:shinrai:catalog:ipa-five-rules';
export const SELF_CHECK_URN = 'urn:shinrai:catalog:ipa-sme-self-check';

const text = (max: number) => z.string().trim().min(1).max(max);
const PolicyInputSchema = z.strictObject({
  companyName: text(200),
  representativeTitle: text(100),
  representativeName: text(100),
  scope: text(500),
  contact: text(300),
  establishedOn: z.iso.date(),
});
const Text = z.object({ ja: z.string(), en: z.string() });
const SelfCheck = z.object({
  assessmentId: z.string().nullable(),
  answered: z.number(),
  total: z.number(),
  points: z.number().nullable(),
  band: z.object({ id: z.string(), label: Text, advice: Text.optional() }).nullable(),
  doneAt: z.string().nullable(),
});
const Declaration = z.object({
  id: z.string(),
  level: z.enum(['star1', 'star2']),
  declarationId: z.string(),
  declaredOn: z.string(),
  createdAt: z.string(),
});
const declarationView = (d: DeclarationRow) => ({
  id: d.id,
  level: d.level as 'star1',
  declarationId: d.declaration_id,
  declaredOn: d.declared_on,
  createdAt: d.created_at,
});

export function smeRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;

  /** The latest assessment of a catalog (any version) and its answers. */
  async function latest(orgId: string, urn: string) {
    const all = await listAssessmentsOfCatalog(db, orgId, urn);
    const a = all[all.length - 1];
    if (!a) return null;
    return { assessment: a, answers: answerValues(await listAnswers(db, orgId, a.id)) };
  }

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/sme/status',
      {
        config: { permission: 'sme.read' },
        schema: {
          tags: ['sme'],
          summary:
            'Progress toward SECURITY ACTION ★ / ★★: five rules, self-check, basic policy, and recorded declarations',
          params: z.strictObject({ orgId: Id }),
          response: {
            200: z.object({
              fiveRules: z.object({
                assessmentId: z.string().nullable(),
                declared: z.number(),
                total: z.number(),
              }),
              selfCheck: SelfCheck,
              policy: z.object({
                set: z.boolean(),
                published: z.boolean(),
                publicUrl: z.string().nullable(),
              }),
              eligibility: z.object({
                star1: z.boolean(),
                star2: z.boolean(),
                level: z.enum(['none', 'star1', 'star2']),
                missing: z.array(z.string()),
              }),
              declarations: z.array(Declaration),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const org = await findOrganization(db, access.orgId);
        const rules = await latest(access.orgId, FIVE_RULES_URN);
        const check = await latest(access.orgId, SELF_CHECK_URN);
        let selfCheck: z.infer<typeof SelfCheck> = {
          assessmentId: null,
          answered: 0,
          total: 25,
          points: null,
          band: null,
          doneAt: null,
        };
        if (check) {
          const c = await loadCatalog(db, access.orgId, check.assessment.catalog_id);
          const s = scoreAssessment(c.pack, c.nodes, check.answers).overall;
          selfCheck = {
            assessmentId: check.assessment.id,
            answered: s.answered,
            total: s.items,
            points: s.points,
            band: s.band
              ? { id: s.band.id, label: s.band.label, ...(s.band.advice ? { advice: s.band.advice } : {}) }
              : null,
            doneAt: s.answered === s.items ? check.assessment.updated_at : null,
          };
        }
        const declared = rules
          ? [...rules.answers.values()].filter(
              (v: AnswerValue) => v.kind === 'choice' && v.value === 'declared',
            ).length
          : 0;
        const policy = await findSmePolicy(db, access.orgId);
        const progress = {
          fiveRules: { declared, total: 5 },
          selfCheck: { answered: selfCheck.answered, total: selfCheck.total },
          policy: { set: policy !== undefined, published: policy?.published === 1 },
        };
        return {
          fiveRules: { assessmentId: rules?.assessment.id ?? null, declared, total: 5 },
          selfCheck,
          policy: {
            ...progress.policy,
            publicUrl:
              policy?.published === 1 && org ? `${deps.config.publicUrl}/p/${org.slug}/policy` : null,
          },
          eligibility: securityActionEligibility(progress),
          declarations: (await listDeclarations(db, access.orgId)).map(declarationView),
        };
      },
    );

    app.get(
      '/api/orgs/:orgId/sme/policy',
      {
        config: { permission: 'sme.read' },
        schema: {
          tags: ['sme'],
          summary:
            'The basic information-security policy: the answers, the generated text (ja and en), and whether it is published',
          params: z.strictObject({ orgId: Id }),
          response: {
            200: z.object({
              input: PolicyInputSchema.nullable(),
              published: z.boolean(),
              publishedAt: z.string().nullable(),
              document: z.object({ ja: z.unknown(), en: z.unknown() }).nullable(),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const p = await findSmePolicy(db, access.orgId);
        const input = p ? (JSON.parse(p.input) as PolicyInput) : null;
        return {
          input,
          published: p?.published === 1,
          publishedAt: p?.published_at ?? null,
          document: input ? { ja: basicPolicy(input, 'ja'), en: basicPolicy(input, 'en') } : null,
        };
      },
    );

    app.put(
      '/api/orgs/:orgId/sme/policy',
      {
        config: { permission: 'sme.write' },
        schema: {
          tags: ['sme'],
          summary: 'Set the basic policy from a few answers (company, representative, scope, contact, date)',
          params: z.strictObject({ orgId: Id }),
          body: PolicyInputSchema,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        await db.transaction().execute(async (trx) => {
          await saveSmePolicy(
            trx,
            access.orgId,
            JSON.stringify(req.body),
            access.actorUserId,
            deps.now().toISOString(),
          );
          await audit(deps, trx, actorOf(access, req.id), access.orgId, 'sme.policy_set', {
            type: 'organization',
            id: access.orgId,
          });
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/orgs/:orgId/sme/policy/publish',
      {
        config: { permission: 'sme.review' },
        schema: {
          tags: ['sme'],
          summary:
            'Publish (or withdraw) the policy at /p/<org-slug>/policy — the only public page of an organization',
          params: z.strictObject({ orgId: Id }),
          body: z.strictObject({ published: z.boolean() }),
          response: { 200: z.object({ published: z.boolean(), publicUrl: z.string().nullable() }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const org = await findOrganization(db, access.orgId);
        await db.transaction().execute(async (trx) => {
          if (!(await setSmePolicyPublished(trx, access.orgId, req.body.published, deps.now().toISOString())))
            return fail('not_found');
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            req.body.published ? 'sme.policy_publish' : 'sme.policy_withdraw',
            { type: 'organization', id: access.orgId },
          );
          return undefined;
        });
        return {
          published: req.body.published,
          publicUrl: req.body.published && org ? `${deps.config.publicUrl}/p/${org.slug}/policy` : null,
        };
      },
    );

    app.get(
      '/api/orgs/:orgId/sme/policy.pdf',
      {
        config: { permission: 'sme.read' },
        schema: {
          tags: ['sme'],
          summary: 'The basic policy as a printable PDF',
          params: z.strictObject({ orgId: Id }),
          querystring: z.strictObject({ lang: z.enum(['ja', 'en']).optional() }),
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const p = await findSmePolicy(db, access.orgId);
        if (!p) return fail('not_found');
        const input = JSON.parse(p.input) as PolicyInput;
        const pdf = await policyToPdf(basicPolicy(input, requestLocale(req)), input.companyName);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', 'attachment; filename="security-policy.pdf"')
          .send(pdf);
      },
    );

    app.get(
      '/p/:slug/policy',
      {
        schema: {
          hide: true,
          params: z.object({ slug: z.string().max(64) }),
          querystring: z.object({ lang: z.enum(['ja', 'en']).optional() }),
        },
      },
      async (req, reply) => {
        const p = await findPublishedPolicyBySlug(db, req.params.slug);
        const lang = req.query.lang ?? 'ja';
        if (!p)
          return reply
            .status(404)
            .type('text/html; charset=utf-8')
            .send(
              lang === 'ja'
                ? '<!doctype html><html lang="ja"><meta charset="utf-8"><title>見つかりません</title><p>公開されている方針はありません。</p></html>'
                : '<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title><p>No published policy.</p></html>',
            );
        return reply
          .type('text/html; charset=utf-8')
          .send(policyToHtml(basicPolicy(JSON.parse(p.input) as PolicyInput, lang), lang));
      },
    );

    app.get(
      '/api/orgs/:orgId/sme/declarations',
      {
        config: { permission: 'sme.read' },
        schema: {
          tags: ['sme'],
          summary: 'SECURITY ACTION declarations the organization made (recorded by it)',
          params: z.strictObject({ orgId: Id }),
          response: { 200: z.object({ items: z.array(Declaration) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return { items: (await listDeclarations(db, access.orgId)).map(declarationView) };
      },
    );

    app.post(
      '/api/orgs/:orgId/sme/declarations',
      {
        config: { permission: 'sme.review' },
        schema: {
          tags: ['sme'],
          summary:
            'Record a SECURITY ACTION declaration made with IPA (level, the ID IPA issued, date). Shinrai does not apply to IPA.',
          params: z.strictObject({ orgId: Id }),
          body: z.strictObject({
            level: z.enum(['star1', 'star2']),
            declarationId: z
              .string()
              .trim()
              .regex(/^\d{6,15}$/),
            declaredOn: z.iso.date(),
          }),
          response: { 201: z.object({ declaration: Declaration }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const row: DeclarationRow = {
          id: randomUUID(),
          org_id: access.orgId,
          level: req.body.level,
          declaration_id: req.body.declarationId,
          declared_on: req.body.declaredOn,
          recorded_by: access.actorUserId,
          created_at: deps.now().toISOString(),
        };
        await db.transaction().execute(async (trx) => {
          await insertDeclaration(trx, row);
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'sme.declaration_record',
            { type: 'organization', id: access.orgId },
            { level: row.level, declarationId: row.declaration_id },
          );
        });
        return reply.status(201).send({ declaration: declarationView(row) });
      },
    );
  };
}
