import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAuthCache, stopAuthCache } from './platform/auth/cache.ts';
import type { Deps } from './platform/deps.ts';
import { errorBody, handleError, registerModuleErrors, requestLocale } from './platform/http/errors.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import { badUrlBody, registerTextGuard } from './platform/http/text-guard.ts';
import { helmetOptions, registerSecurityHeaders } from './platform/http/security-headers.ts';
import { compiledSerializerCompiler } from './platform/http/serializer.ts';
import {
  checkRoutePermissions,
  registerPublicRoutes,
  resolvePrincipalOnApiRoutes,
} from './platform/http/principal.ts';
import { SERVER_MODULES } from './modules/index.ts';
import { healthRoutes } from './platform/routes/health.ts';
import { registerRelationshipHooks } from './platform/services/relationship-events.ts';
import { registerAuditNames } from './platform/services/audit-names.ts';
import { PLATFORM_ROUTES } from './platform/routes/index.ts';

export const DEFAULT_WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** Builds the HTTP application. The caller owns the store and decides whether to listen. */
export async function buildApp(
  deps: Deps,
  logger: FastifyServerOptions['logger'] = false,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
    // A path whose percent-encoding is not UTF-8 is refused before routing: same body as the text guard's.
    frameworkErrors: (err, req, reply) => {
      const r = reply as unknown as FastifyReply;
      if (err.code === 'FST_ERR_BAD_URL') void r.status(400).send(badUrlBody(req));
      else void handleError(err, req, r);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(compiledSerializerCompiler);
  app.setErrorHandler(handleError);
  // The API takes JSON only. Fastify parses text/plain by default, which turned such bodies into
  // 400 validation errors instead of 415 (and text/plain is the content type a cross-site form can send).
  app.removeContentTypeParser('text/plain');

  await app.register(cookie);
  registerSecurityHeaders(app, helmetOptions(deps.config.secureCookies));
  await app.register(rateLimit, { global: false });
  await app.register(multipart);
  // U+0000, lone surrogates and invalid UTF-8 are refused with a located 400 before any route sees them.
  registerTextGuard(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shinrai API',
        version: '1.0.0',
        description:
          'Shinrai (信頼) — industrial cybersecurity platform. Authenticate with the session cookie (browser; send x-csrf-token on writes) or with `Authorization: Bearer shr_…` (API token). Errors: {"error":{"code","message","details"}}; messages follow Accept-Language (ja default, en).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'shinrai_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    // The permission a route needs is part of its description (`x-permission`, `x-user-only`,
    // `x-instance-admin`).
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const { permission, userOnly, instanceAdmin } = input.route.config ?? {};
      if (permission === undefined && instanceAdmin !== true) return out;
      const extra = {
        ...(permission === undefined ? {} : { 'x-permission': permission }),
        ...(userOnly === true || instanceAdmin === true ? { 'x-user-only': true } : {}),
        ...(instanceAdmin === true ? { 'x-instance-admin': true } : {}),
      };
      return { ...out, schema: { ...out.schema, ...extra } };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerModuleErrors(SERVER_MODULES);
  registerRelationshipHooks(SERVER_MODULES);
  registerAuditNames(SERVER_MODULES);
  registerPublicRoutes(SERVER_MODULES.flatMap((m) => m.publicRoutes ?? []));
  checkRoutePermissions(app, deps);
  await startAuthCache(deps.store);
  app.addHook('onClose', async () => stopAuthCache(deps.store));
  resolvePrincipalOnApiRoutes(app, deps);
  // A write that changed sessions or memberships answers once every instance has been told: it waits for
  // the changes made since it started (a failed write answers at once; its rolled-back change never comes).
  const authChannel = deps.store.authChannel;
  const authMarks = new WeakMap<object, number>();
  if (authChannel !== null)
    app.addHook('onRequest', async (req) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') authMarks.set(req, authChannel.mark());
    });
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    if (deps.shuttingDown) void reply.header('connection', 'close');
    const mark = authMarks.get(req);
    if (authChannel !== null && mark !== undefined && reply.statusCode < 400)
      await authChannel.settled(2000, mark);
  });
  registerMetrics(app, deps.config.metricsToken);

  await app.register(healthRoutes);
  for (const routes of PLATFORM_ROUTES) await app.register(routes(deps));
  for (const m of SERVER_MODULES) for (const routes of m.routes ?? []) await app.register(routes(deps));

  const webDist = deps.config.webDist ?? DEFAULT_WEB_DIST;
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    // The build writes .br and .gz beside each asset (scripts/precompress.mjs): served as such when
    // accepted. Hashed files under assets/ never change (a new build has new names): cached for a year;
    // index.html and the rest are revalidated on every load so a new build is picked up at once.
    const assets = path.join(webDist, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      // One route per file, not per encoding: the .br/.gz siblings are found from the file's own route.
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: (res, file) => {
        res.setHeader(
          'cache-control',
          file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    if (req.method === 'GET' && hasWeb && !req.url.startsWith('/api/') && req.url !== '/api') {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send(errorBody('not_found', requestLocale(req)));
  });
  return app;
}
