import {
  buildingProfileFromPack,
  CATEGORIZATION_SOURCE,
  instantiateBuildingModel,
  CATEGORIZATION_TABLE,
  IMPACT_LEVEL_LABELS,
  MEASURE_LEVEL_LABELS,
  tokyoDate,
  type Text,
} from '@shinrai/core';
import { findOrganization, listCatalogsForOrg, saveCpsfGraph } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mergeGraph, modelToJson, modelToXlsx, readModelJson, readModelSheet } from './files.ts';
import { graphIntegrity } from './graph-schema.ts';
import { cpsfReportToPdf, cpsfReportToXlsx } from './reports/report.ts';
import { analyseModel, cpsfTitles, parseGraph } from './service.ts';
import type { Deps } from '../../platform/deps.ts';
import type { OrgAccess } from '../../platform/http/principal.ts';
import { actorOf } from '../../platform/http/access.ts';
import { attachmentName } from '../../platform/http/download.ts';
import { errorBody, fail, requestLocale } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { describeProblems, type ImportProblem } from '@shinrai/formats/sheets';
import { MAX_FILE_BYTES } from '@shinrai/formats/sheets';
import { audit } from '../../platform/services/audit-trail.ts';
import { loadCatalog } from '../library/public.ts';
import { createModel, detailView, ModelDetail, requireModel, requireRules } from './routes.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Text = z.object({ ja: z.string(), en: z.string() });
const ModelParams = z.strictObject({ orgId: Id, modelId: Id });
const Lang = z.enum(['ja', 'en']).optional();

const BUILDING_PROFILE_URN = 'urn:shinrai:catalog:building-systems-profile';

/** The building-systems profile from the newest version of its pack the organization can use. */
async function buildingProfile(deps: Deps, access: OrgAccess) {
  const found = (await listCatalogsForOrg(deps.store.db, access.orgId)).find(
    (c) => c.urn === BUILDING_PROFILE_URN,
  );
  if (!found) return fail('not_found', { catalog: BUILDING_PROFILE_URN });
  const catalog = await loadCatalog(deps.store.db, access.orgId, found.id);
  return { catalog, profile: buildingProfileFromPack(catalog.pack) };
}

export function cpsfFileRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/cpsf/building-profile',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Building-systems profile (ビルシステム): locations → typical devices → incidents and risk sources → policy-level requirements → measures per lifecycle phase',
          params: z.strictObject({ orgId: Id }),
          response: {
            200: z.object({
              catalogId: z.string(),
              locations: z.array(
                z.object({
                  ref: z.string(),
                  title: Text,
                  devices: z.array(
                    z.object({
                      ref: z.string(),
                      title: Text,
                      component: z.string(),
                      thingKind: z.string().nullable(),
                      layer: z.number(),
                      requirementRefs: z.array(z.string()),
                    }),
                  ),
                }),
              ),
              requirements: z.array(
                z.object({
                  ref: z.string(),
                  title: Text,
                  deviceRef: z.string(),
                  incident: Text,
                  riskSource: Text.nullable(),
                  phases: z.array(z.string()),
                  measures: z.record(z.string(), Text),
                }),
              ),
              phases: z.array(z.object({ id: z.string(), label: Text })),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const { catalog, profile } = await buildingProfile(deps, access);
        return {
          catalogId: catalog.row.id,
          locations: profile.locations.map((l) => ({
            ref: l.ref,
            title: l.title,
            devices: l.devices.map((d) => ({
              ref: d.ref,
              title: d.title,
              component: d.component,
              thingKind: d.thingKind,
              layer: d.layer,
              requirementRefs: d.requirementRefs,
            })),
          })),
          requirements: profile.requirements.map((r) => ({
            ref: r.ref,
            title: r.title,
            deviceRef: r.deviceRef,
            incident: r.incident,
            riskSource: r.riskSource,
            phases: r.phases,
            measures: r.measures,
          })),
          phases: profile.phases,
        };
      },
    );

    app.post(
      '/api/orgs/:orgId/cpsf/models/building',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Building wizard: instantiate an ordinary CPSF model of a building from the profile (owner, management company, device counts, external connection, cloud)',
          params: z.strictObject({ orgId: Id }),
          querystring: z.strictObject({ lang: Lang }),
          body: z.strictObject({
            name: z.string().trim().min(1).max(200),
            input: z.strictObject({
              buildingName: z.string().max(200),
              ownerName: z.string().max(200),
              managementCompany: z.string().max(200).nullable().optional(),
              devices: z.array(z.strictObject({ ref: z.string().max(64), count: z.number().int() })).max(100),
              externalConnection: z.boolean(),
              cloud: z.boolean(),
            }),
          }),
          response: { 201: z.object({ model: ModelDetail }), 422: ErrorBody },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const locale = requestLocale(req);
        const { profile } = await buildingProfile(deps, access);
        const made = instantiateBuildingModel(profile, req.body.input, locale);
        if (!made.ok)
          return reply.status(422).send(
            errorBody(
              'validation_failed',
              locale,
              made.problems.map((p) => ({
                in: 'body',
                pointer: `/input${p.pointer}`,
                message: p.message[locale],
              })),
            ),
          );
        const row = await createModel(deps, access, req.id, {
          name: req.body.name,
          scopeType: 'site',
          scopeLabel: req.body.input.buildingName.trim() || null,
          graph: made.model,
          source: 'building-wizard',
        });
        return reply.status(201).send({ model: detailView(row) });
      },
    );

    app.get(
      '/api/orgs/:orgId/cpsf/catalog',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary:
            'The risk sources and countermeasure requirements the rules use (with linked CPSF requirements), and the categorization table',
          params: z.strictObject({ orgId: Id }),
          response: {
            200: z.object({
              catalogId: z.string(),
              catalogVersion: z.string(),
              riskSources: z.array(
                z.object({
                  ref: z.string(),
                  title: Text,
                  layers: z.array(z.number()),
                  components: z.array(z.string()),
                  functionTitle: Text.nullable(),
                  incidentTitle: Text.nullable(),
                  requirementRefs: z.array(z.string()),
                }),
              ),
              requirements: z.array(
                z.object({
                  ref: z.string(),
                  title: Text,
                  tier: z.string(),
                  riskSourceRef: z.string(),
                  cpsf: z.array(z.object({ ref: z.string(), title: Text.nullable() })),
                }),
              ),
              categorization: z.object({
                source: Text,
                rows: z.array(
                  z.object({
                    viewpoint: z.string(),
                    axis: z.string().nullable(),
                    label: Text,
                    levels: z.object({ 1: Text, 2: Text, 3: Text }),
                  }),
                ),
                impactLevels: z.object({ 1: Text, 2: Text, 3: Text }),
                measureLevels: z.object({ basic: Text, advanced: Text, high_advanced: Text }),
              }),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const { catalog, rules } = await requireRules(deps, access.orgId);
        const titles = await cpsfTitles(deps.store.db, access.orgId);
        return {
          catalogId: catalog.row.id,
          catalogVersion: catalog.row.version,
          riskSources: rules.riskSources.map((rs) => ({
            ref: rs.ref,
            title: rs.title,
            layers: rs.layers,
            components: rs.components,
            functionTitle: rules.groupTitles.get(rs.functionRef) ?? null,
            incidentTitle: rules.groupTitles.get(rs.incidentRef) ?? null,
            requirementRefs: rs.requirements.map((r) => r.ref),
          })),
          requirements: [...rules.requirements.values()].map((r) => ({
            ref: r.ref,
            title: r.title,
            tier: r.tier,
            riskSourceRef: r.riskSourceRef,
            cpsf: r.cpsfRefs.map((ref) => ({ ref, title: titles.get(ref) ?? null })),
          })),
          categorization: {
            source: CATEGORIZATION_SOURCE,
            rows: CATEGORIZATION_TABLE,
            impactLevels: IMPACT_LEVEL_LABELS,
            measureLevels: MEASURE_LEVEL_LABELS,
          },
        };
      },
    );

    app.post(
      '/api/orgs/:orgId/cpsf/models/:modelId/import',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Import elements and edges into a model from JSON (our export) or an asset ledger (.csv, or .xlsx with sheets `elements` and `edges`). Multipart: optional `sheet`, then `file`. mode=preview changes nothing; apply writes all or nothing. Elements and edges with an existing id are replaced.',
          consumes: ['multipart/form-data'],
          params: ModelParams,
          querystring: z.strictObject({ mode: z.enum(['preview', 'apply']).default('preview'), lang: Lang }),
          response: {
            200: z.object({
              mode: z.enum(['preview', 'apply']),
              added: z.number(),
              updated: z.number(),
              edgesAdded: z.number(),
              edgesUpdated: z.number(),
              elements: z.number(),
              edges: z.number(),
              revision: z.number(),
            }),
            413: ErrorBody,
            422: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const locale = requestLocale(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        if (!req.isMultipart()) return fail('unsupported_media_type');
        let file: Buffer | undefined;
        let filename = 'upload';
        let sheet: string | undefined;
        const invalid = (problems: ImportProblem[], status: 413 | 422 = 422) =>
          reply.status(status).send(
            errorBody(
              'import_invalid',
              locale,
              describeProblems(
                problems.map((p) => ({ ...p, params: { ...p.params, file: filename } })),
                locale,
              ).map((p) => ({ file: filename, ...p })),
            ),
          );
        for await (const part of req.parts({
          limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 2, fieldSize: 1024 },
        })) {
          if (part.type === 'file') {
            filename = part.filename || filename;
            try {
              file = await part.toBuffer();
            } catch (err) {
              if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
              return invalid([{ code: 'file_too_large', params: { limit: MAX_FILE_BYTES / 1048576 } }], 413);
            }
          } else if (part.fieldname === 'sheet') sheet = String(part.value);
        }
        if (!file) return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
        const isJson = /\.json$/i.test(filename) || file.subarray(0, 1).toString() === '{';
        const read = isJson ? readModelJson(file) : await readModelSheet(file, filename, sheet);
        if (!read.ok) return invalid(read.problems);
        const merged = mergeGraph(parseGraph(row), read.graph);
        const integrity = graphIntegrity(merged.graph);
        if (integrity.length > 0) {
          // The merged graph refers to something missing: name the edge (or org reference) of the file.
          const problems: ImportProblem[] = integrity.slice(0, 100).map((p) => ({
            code: 'bad_field',
            pointer: p.pointer,
            params: { detail: p.message },
          }));
          return invalid(problems);
        }
        const result = {
          mode: req.query.mode,
          added: merged.added,
          updated: merged.updated,
          edgesAdded: merged.edgesAdded,
          edgesUpdated: merged.edgesUpdated,
          elements: merged.graph.elements.length,
          edges: merged.graph.edges.length,
          revision: row.revision,
        };
        if (req.query.mode === 'preview') return result;
        await deps.store.db.transaction().execute(async (trx) => {
          const ok = await saveCpsfGraph(trx, access.orgId, row.id, row.revision, {
            graph: JSON.stringify(merged.graph),
            element_count: merged.graph.elements.length,
            edge_count: merged.graph.edges.length,
            updated_by: access.actorUserId,
            updated_at: deps.now().toISOString(),
          });
          if (!ok) fail('revision_conflict', { revision: row.revision });
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'cpsf.model.import',
            { type: 'cpsf_model', id: row.id },
            { file: filename, added: merged.added, updated: merged.updated, edgesAdded: merged.edgesAdded },
          );
        });
        return { ...result, revision: row.revision + 1 };
      },
    );

    app.get(
      '/api/orgs/:orgId/cpsf/models/:modelId/export',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Download the model as JSON or as an asset-ledger workbook (.xlsx) that imports back unchanged',
          params: ModelParams,
          querystring: z.strictObject({ format: z.enum(['json', 'xlsx']).default('json'), lang: Lang }),
          produces: ['application/json', XLSX],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        const graph = parseGraph(row);
        const stem = `cpsf-model-${row.id.slice(0, 8)}`;
        if (req.query.format === 'xlsx')
          return reply
            .header('content-type', XLSX)
            .header('content-disposition', attachmentName(row.name, stem, 'xlsx'))
            .send(await modelToXlsx(graph, requestLocale(req)));
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', attachmentName(row.name, stem, 'json'))
          .send(
            modelToJson({ name: row.name, scopeType: row.scope_type, scopeLabel: row.scope_label }, graph),
          );
      },
    );

    app.get(
      '/api/orgs/:orgId/cpsf/models/:modelId/report',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Risk assessment report: summary, heat map, checks, gaps and plan (PDF with Japanese fonts, or .xlsx)',
          params: ModelParams,
          querystring: z.strictObject({ format: z.enum(['pdf', 'xlsx']).default('pdf'), lang: Lang }),
          produces: ['application/pdf', XLSX],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        const { rules } = await requireRules(deps, access.orgId);
        const org = await findOrganization(deps.store.db, access.orgId);
        const requirementTitles = new Map<string, Text>(
          [...rules.requirements.values()].map((r) => [r.ref, r.title]),
        );
        const input = {
          organization: org?.name ?? '',
          modelName: row.name,
          date: tokyoDate(deps.now()),
          model: parseGraph(row),
          analysis: await analyseModel(deps.store.db, row, rules, deps.now()),
          requirementTitles,
          lang: requestLocale(req),
        };
        const stem = `cpsf-report-${row.id.slice(0, 8)}`;
        if (req.query.format === 'xlsx')
          return reply
            .header('content-type', XLSX)
            .header('content-disposition', attachmentName(row.name, stem, 'xlsx'))
            .send(await cpsfReportToXlsx(input));
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachmentName(row.name, stem, 'pdf'))
          .send(await cpsfReportToPdf(input));
      },
    );
  };
}
