import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { ErrorBody } from '../../platform/http/schemas.ts';
import {
  ContactInput,
  ContactParams,
  OrgParams,
  P,
  StarAnswers,
  Supplier,
  SupplierChange,
  SupplierDetail,
  SupplierInput,
  SupplierParams,
} from './schemas.ts';
import {
  addContact,
  createSupplier,
  deleteSupplier,
  getSupplier,
  listSuppliers,
  removeContact,
  updateSupplier,
} from './service.ts';
import { decideSupplierStar } from './star-service.ts';

const StarInput = z.strictObject({
  answers: StarAnswers,
  level: z.union([z.literal(3), z.literal(4)]).optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});

/** The supplier registry: suppliers (法人番号 as the key, duplicates merged), contacts, ★3/★4 decisions. */
export function supplierRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      P,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary: 'Every supplier record of the registry (all tiers the organization keeps), by name',
          params: OrgParams,
          response: { 200: z.object({ items: z.array(Supplier) }) },
        },
      },
      async (req) => ({ items: await listSuppliers(ctxOf(deps, req)) }),
    );

    app.post(
      P,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Add a supplier (or a tier-2+ record under parentSupplierId). A 法人番号 already in the registry at the same place merges into that record (merged: true): supplies and contacts united.',
          params: OrgParams,
          body: SupplierInput,
          response: {
            200: SupplierDetail.extend({ merged: z.literal(true) }),
            201: SupplierDetail.extend({ merged: z.literal(false) }),
            409: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const r = await createSupplier(ctxOf(deps, req), req.body);
        return r.merged
          ? reply.status(200).send({ ...r, merged: true })
          : reply.status(201).send({ ...r, merged: false });
      },
    );

    app.get(
      `${P}/:supplierId`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary: 'One supplier with its contacts, ★ decisions (latest first) and the records under it',
          params: SupplierParams,
          response: { 200: SupplierDetail },
        },
      },
      async (req) => getSupplier(ctxOf(deps, req), req.params),
    );

    app.patch(
      `${P}/:supplierId`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary: 'Change a supplier (the fields given)',
          params: SupplierParams,
          body: SupplierChange,
          response: { 200: SupplierDetail, 409: ErrorBody },
        },
      },
      async (req) =>
        updateSupplier(ctxOf(deps, req), { supplierId: req.params.supplierId, change: req.body }),
    );

    app.delete(
      `${P}/:supplierId`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary: 'Delete a supplier with its contacts, ★ decisions and the records under it',
          params: SupplierParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await deleteSupplier(ctxOf(deps, req), req.params);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${P}/:supplierId/contacts`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary: 'Add a contact to a supplier (one per e-mail address)',
          params: SupplierParams,
          body: ContactInput,
          response: { 200: SupplierDetail, 409: ErrorBody },
        },
      },
      async (req) => addContact(ctxOf(deps, req), { supplierId: req.params.supplierId, contact: req.body }),
    );

    app.delete(
      `${P}/:supplierId/contacts/:contactId`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary: 'Remove a contact of a supplier',
          params: ContactParams,
          response: { 200: SupplierDetail },
        },
      },
      async (req) => removeContact(ctxOf(deps, req), req.params),
    );

    app.post(
      `${P}/:supplierId/star`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Decide ★3 or ★4 for a supplier from the evaluation scheme’s three questions (our reading: ★4 when any is yes). A level other than the rule’s needs a note. Earlier decisions stay as the history.',
          params: SupplierParams,
          body: StarInput,
          response: { 200: SupplierDetail, 400: ErrorBody },
        },
      },
      async (req) => decideSupplierStar(ctxOf(deps, req), { supplierId: req.params.supplierId, ...req.body }),
    );
  };
}
