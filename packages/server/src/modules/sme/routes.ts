import { basicPolicy, type PolicyInput } from '@shinrai/core';
import { findPublishedPolicyBySlug, findSmePolicy, listDeclarations } from '@shinrai/store';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { fail, requestLocale } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { policyToHtml, policyToPdf } from './policy-pdf.ts';
import {
  declarationView,
  policyView,
  publishPolicy,
  recordDeclaration,
  setPolicy,
  smeStatusView,
  type SmeCtx,
} from './service.ts';

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
/** The SME journey: status, basic policy (and its public page), SECURITY ACTION declarations. */
export function smeRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;
  const ctx = (req: FastifyRequest): SmeCtx => ({ deps, access: orgAccess(req), requestId: req.id });

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
        return smeStatusView(deps, access.orgId);
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
        return policyView(deps, access.orgId);
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
        await setPolicy(ctx(req), req.body);
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
        return publishPolicy(ctx(req), req.body);
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
        return reply.status(201).send({ declaration: await recordDeclaration(ctx(req), req.body) });
      },
    );
  };
}
