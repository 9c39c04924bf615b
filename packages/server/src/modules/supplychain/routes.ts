import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.ts';

/** The supplier registry's routes. */
export function supplierRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
