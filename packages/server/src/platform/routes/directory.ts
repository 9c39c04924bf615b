import { isValidCorporateNumber, ORG_KINDS } from '@shinrai/core';
import { countIncomingPending, orgSearchName, searchDirectory } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { fail } from '../http/errors.ts';
import { orgAccess } from '../http/principal.ts';
import { Id } from '../http/schemas.ts';

/** At most this many organizations per search: a search narrows, it does not list. */
export const DIRECTORY_LIMIT = 20;
/** A name search needs this many characters (after normalisation), so one letter cannot list everyone. */
export const DIRECTORY_MIN_CHARS = 2;

const DirectoryEntry = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  prefecture: z.string().nullable(),
});

export function directoryRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/directory',
      {
        config: { permission: 'relationships.manage', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['relationships'],
          summary:
            'Find organizations that allow being found, by a part of the name (full/half width alike) or by 法人番号 (13 digits)',
          params: z.strictObject({ orgId: Id }),
          querystring: z.strictObject({ q: z.string().max(200) }),
          response: {
            200: z.object({ items: z.array(DirectoryEntry), limit: z.number(), more: z.boolean() }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const q = req.query.q.normalize('NFKC').trim();
        const digits = q.replace(/[\s-]/g, '');
        let items;
        if (/^\d{13}$/.test(digits)) {
          if (!isValidCorporateNumber(digits))
            return fail('invalid_corporate_number', { in: 'querystring', pointer: '/q' });
          items = await searchDirectory(
            deps.store.db,
            { corporateNumber: digits },
            access.orgId,
            DIRECTORY_LIMIT + 1,
          );
        } else {
          if ([...orgSearchName(q)].length < DIRECTORY_MIN_CHARS)
            return fail('validation_failed', [{ in: 'querystring', pointer: '/q', message: '' }]);
          items = await searchDirectory(deps.store.db, { name: q }, access.orgId, DIRECTORY_LIMIT + 1);
        }
        return {
          items: items.slice(0, DIRECTORY_LIMIT).map((o) => ({
            slug: o.slug,
            name: o.name,
            kind: o.kind as (typeof ORG_KINDS)[number],
            prefecture: o.prefecture,
          })),
          limit: DIRECTORY_LIMIT,
          more: items.length > DIRECTORY_LIMIT,
        };
      },
    );

    app.get(
      '/api/orgs/:orgId/relationships/pending',
      {
        config: { permission: 'relationships.read' },
        schema: {
          tags: ['relationships'],
          summary: 'How many relationship requests from other organizations wait for this one (the badge)',
          params: z.strictObject({ orgId: Id }),
          response: { 200: z.object({ incoming: z.number() }) },
        },
      },
      async (req) => ({ incoming: await countIncomingPending(deps.store.db, orgAccess(req).orgId) }),
    );
  };
}
