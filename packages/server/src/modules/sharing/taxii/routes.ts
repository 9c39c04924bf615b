import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { acceptsTaxii, sendTaxii, sendTaxiiError, STIX_MEDIA, TaxiiError, taxiiFail } from './http.ts';
import {
  apiRootView,
  callerOrg,
  collectionOf,
  collectionsOf,
  collectionView,
  hubsOf,
  page,
  rootOf,
  type Page,
} from './service.ts';

/**
 * The TAXII 2.1 server (read-only). Public at the HTTP level: TAXII authenticates by itself (an API token of the
 * member organization, as Bearer or as the HTTP Basic password) and answers in the TAXII error format.
 */
export const TAXII_PUBLIC_ROUTES = [
  'GET /taxii2/',
  'GET /taxii2/:apiRoot/',
  'GET /taxii2/:apiRoot/collections/',
  'GET /taxii2/:apiRoot/collections/:collectionId/',
  'GET /taxii2/:apiRoot/collections/:collectionId/objects/',
  'GET /taxii2/:apiRoot/collections/:collectionId/objects/:objectId/',
  'GET /taxii2/:apiRoot/collections/:collectionId/objects/:objectId/versions/',
  'GET /taxii2/:apiRoot/collections/:collectionId/manifest/',
  'GET /taxii2/:apiRoot/status/:statusId/',
] as const;

const Seg = z.string().min(1).max(300);
const tags = ['taxii'];
type Params = { apiRoot?: string; collectionId?: string; objectId?: string };

function pageHeaders(reply: FastifyReply, p: Page) {
  const first = p.rows[0];
  const last = p.rows.at(-1);
  if (first && last)
    void reply
      .header('x-taxii-date-added-first', first.date_added)
      .header('x-taxii-date-added-last', last.date_added);
}

export function taxiiRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;
  /** Authenticates, negotiates the media type, and answers TAXII errors in TAXII's format. */
  const handle =
    (fn: (orgId: string, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      try {
        const orgId = await callerOrg(deps, req);
        if (!acceptsTaxii(req.headers.accept))
          taxiiFail(406, 'Not Acceptable', 'Accept application/taxii+json;version=2.1.');
        return sendTaxii(reply, await fn(orgId, req, reply));
      } catch (err) {
        if (err instanceof TaxiiError) return sendTaxiiError(reply, err);
        throw err;
      }
    };
  const scope = async (orgId: string, req: FastifyRequest) => {
    const p = req.params as Params;
    const hub = await rootOf(db, orgId, p.apiRoot ?? '');
    return { hub, c: await collectionOf(db, hub, orgId, p.collectionId ?? '') };
  };
  const query = (req: FastifyRequest) => req.query as Record<string, unknown>;
  const schema = (summary: string, params?: Record<string, typeof Seg>) => ({
    tags,
    summary,
    ...(params ? { params: z.strictObject(params) } : {}),
  });
  const root = { apiRoot: Seg };
  const coll = { ...root, collectionId: Seg };

  return async (app) => {
    app.get(
      '/taxii2/',
      { schema: schema('TAXII 2.1 discovery: the API roots (hubs) the token’s organization reads') },
      handle(async (orgId, req) => {
        const base = `${req.protocol}://${req.host}/taxii2`;
        const hubs = await hubsOf(db, orgId);
        return {
          title: 'Shinrai TAXII 2.1',
          description: 'Published reports of the sharing hubs this organization is a member of.',
          ...(hubs[0] ? { default: `${base}/${hubs[0].slug}/` } : {}),
          api_roots: hubs.map((h) => `${base}/${h.slug}/`),
        };
      }),
    );
    app.get(
      '/taxii2/:apiRoot/',
      { schema: schema('TAXII 2.1 API root (a hub, by slug or id)', root) },
      handle(async (orgId, req) =>
        apiRootView(await rootOf(db, orgId, (req.params as Params).apiRoot ?? '')),
      ),
    );
    app.get(
      '/taxii2/:apiRoot/collections/',
      { schema: schema('TAXII 2.1 collections: per audience (all members, own sector groups) × TLP', root) },
      handle(async (orgId, req) => {
        const hub = await rootOf(db, orgId, (req.params as Params).apiRoot ?? '');
        return { collections: (await collectionsOf(db, hub, orgId)).map(collectionView) };
      }),
    );
    app.get(
      '/taxii2/:apiRoot/collections/:collectionId/',
      { schema: schema('TAXII 2.1 collection', coll) },
      handle(async (orgId, req) => collectionView((await scope(orgId, req)).c)),
    );
    app.get(
      '/taxii2/:apiRoot/collections/:collectionId/objects/',
      {
        schema: schema(
          'TAXII 2.1 objects (added_after, match[id|type|version|spec_version], limit ≤ 1000, next: signed cursor)',
          coll,
        ),
      },
      handle(async (orgId, req, reply) => {
        const { hub, c } = await scope(orgId, req);
        const p = await page(db, hub, c, 'objects', query(req));
        pageHeaders(reply, p);
        return {
          more: p.more,
          ...(p.next ? { next: p.next } : {}),
          objects: p.rows.map((r) => JSON.parse(r.object) as unknown),
        };
      }),
    );
    app.get(
      '/taxii2/:apiRoot/collections/:collectionId/objects/:objectId/',
      {
        schema: schema('TAXII 2.1 one object (match[version], added_after, limit, next)', {
          ...coll,
          objectId: Seg,
        }),
      },
      handle(async (orgId, req, reply) => {
        const { hub, c } = await scope(orgId, req);
        const objectId = (req.params as Params).objectId ?? '';
        const p = await page(db, hub, c, 'objects', query(req), { objectId });
        if (p.rows.length === 0 && query(req).next === undefined)
          taxiiFail(404, 'Not Found', 'No such object.');
        pageHeaders(reply, p);
        return {
          more: p.more,
          ...(p.next ? { next: p.next } : {}),
          objects: p.rows.map((r) => JSON.parse(r.object) as unknown),
        };
      }),
    );
    app.get(
      '/taxii2/:apiRoot/collections/:collectionId/objects/:objectId/versions/',
      { schema: schema('TAXII 2.1 versions of one object', { ...coll, objectId: Seg }) },
      handle(async (orgId, req, reply) => {
        const { hub, c } = await scope(orgId, req);
        const objectId = (req.params as Params).objectId ?? '';
        const p = await page(db, hub, c, 'versions', query(req), { objectId });
        if (p.rows.length === 0 && query(req).next === undefined)
          taxiiFail(404, 'Not Found', 'No such object.');
        pageHeaders(reply, p);
        return { more: p.more, ...(p.next ? { next: p.next } : {}), versions: p.rows.map((r) => r.version) };
      }),
    );
    app.get(
      '/taxii2/:apiRoot/collections/:collectionId/manifest/',
      { schema: schema('TAXII 2.1 manifest (same filters as objects)', coll) },
      handle(async (orgId, req, reply) => {
        const { hub, c } = await scope(orgId, req);
        const p = await page(db, hub, c, 'manifest', query(req));
        pageHeaders(reply, p);
        return {
          more: p.more,
          ...(p.next ? { next: p.next } : {}),
          objects: p.rows.map((r) => ({
            id: r.stix_id,
            date_added: r.date_added,
            version: r.version,
            media_type: STIX_MEDIA,
          })),
        };
      }),
    );
    app.get(
      '/taxii2/:apiRoot/status/:statusId/',
      {
        schema: schema('TAXII 2.1 status: collections are read-only, so there is none (404)', {
          ...root,
          statusId: Seg,
        }),
      },
      handle(async (orgId, req) => {
        await rootOf(db, orgId, (req.params as Params).apiRoot ?? '');
        return taxiiFail(
          404,
          'Not Found',
          'Collections are read-only (can_write: false): there is no status.',
        );
      }),
    );
  };
}
