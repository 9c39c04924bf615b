import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { ErrorBody } from '../../platform/http/schemas.ts';
import { Day, KINDS, OrgParams, P, Product, ProductParams } from './schemas.ts';
import {
  createProduct,
  deleteProduct,
  getProduct,
  listProducts,
  updateProduct,
} from './services/products.ts';

const ProductInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(KINDS),
  vendor: z.string().trim().max(200).nullable().optional(),
  supportEnds: Day.nullable().optional(),
});

/** Products: a device model, an application, a library or a service the organization makes. */
export function softwareProductRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${P}/products`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'Products of the organization with their open-finding counts (risk badges)',
          params: OrgParams,
          response: { 200: z.object({ items: z.array(Product) }) },
        },
      },
      async (req) => ({ items: await listProducts(ctxOf(deps, req)) }),
    );

    app.post(
      `${P}/products`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary: 'Create a product (a device model, an application, a library or a service)',
          params: OrgParams,
          body: ProductInput,
          response: { 201: z.object({ product: Product }), 409: ErrorBody },
        },
      },
      async (req, reply) =>
        reply.status(201).send({ product: await createProduct(ctxOf(deps, req), req.body) }),
    );

    app.get(
      `${P}/products/:productId`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'One product',
          params: ProductParams,
          response: { 200: z.object({ product: Product }) },
        },
      },
      async (req) => ({ product: await getProduct(ctxOf(deps, req), req.params) }),
    );

    app.patch(
      `${P}/products/:productId`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary: 'Change a product (name, kind, vendor, end of support)',
          params: ProductParams,
          body: ProductInput.partial(),
          response: { 200: z.object({ product: Product }), 409: ErrorBody },
        },
      },
      async (req) => ({
        product: await updateProduct(ctxOf(deps, req), { productId: req.params.productId, change: req.body }),
      }),
    );

    app.delete(
      `${P}/products/:productId`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary: 'Delete a product with its releases, SBOMs and findings',
          params: ProductParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await deleteProduct(ctxOf(deps, req), req.params);
        return reply.status(204).send(null);
      },
    );
  };
}
