import { can, roleWithin, type ModulePermission, type Permission, type Role } from '@shinrai/core';
import { findApiTokenByHash, touchApiToken, touchSession, type UserRow } from '@shinrai/store';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
  preHandlerAsyncHookHandler,
} from 'fastify';
import { authReads } from '../auth/cache.ts';
import { safeEqual, sha256 } from '../auth/secrets.ts';
import type { Deps } from '../deps.ts';
import { fail } from './errors.ts';

export const SESSION_COOKIE = 'shinrai_session';

export type Principal =
  | { kind: 'user'; user: UserRow; sessionId: string; csrfToken: string }
  | { kind: 'token'; tokenId: string; orgId: string; role: Role; createdBy: string | null };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Routes that take no session (setup, login) opt out of the CSRF header check. */
    skipCsrf?: boolean;
    /**
     * The permission an organization route (`/api/orgs/:orgId/…`) needs. The caller's access is
     * checked before the handler runs and handed to it as `req.access`; the permission is
     * published in /api/openapi.json as `x-permission`.
     */
    permission?: Permission | ModulePermission;
    /** Only a signed-in person, not an API token, may call it (checked before the permission). */
    userOnly?: boolean;
    /**
     * Only an instance administrator (users.is_instance_admin), signed in in person, may call it: for
     * instance infrastructure such as the shared advisory database, whatever role the caller holds in an
     * organization. Checked after the organization permission (outsiders still get 404); published in
     * /api/openapi.json as `x-instance-admin`.
     */
    instanceAdmin?: boolean;
  }
  interface FastifyRequest {
    /** Set on routes that declare `config.permission`. */
    access?: OrgAccess;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The only API routes callable without signing in; every other /api route answers 401 before reading input. */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/health',
  'GET /api/openapi.json',
  'GET /api/setup/status',
  'POST /api/setup',
  'POST /api/auth/login',
  'POST /api/auth/login/totp',
  'POST /api/auth/logout',
  'GET /api/auth/oidc',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'GET /api/invitations/:token',
  'POST /api/invitations/:token/accept',
  'GET /api/org-invitations/:token',
  'POST /api/org-invitations/:token/accept',
]);

/** Public routes the modules declare (modules/index.ts), added once when the app is built. */
const modulePublicRoutes = new Set<string>();

export function registerPublicRoutes(routes: Iterable<string>): void {
  for (const r of routes) modulePublicRoutes.add(r);
}

/** Every route callable without signing in: the platform's and the modules'. */
export function publicRoutes(): ReadonlySet<string> {
  return new Set([...PUBLIC_ROUTES, ...modulePublicRoutes]);
}

function isPublic(req: FastifyRequest): boolean {
  const url = req.routeOptions.url;
  if (url === undefined || !url.startsWith('/api/') || url.startsWith('/api/docs')) return true;
  const key = `${req.method === 'HEAD' ? 'GET' : req.method} ${url}`;
  return PUBLIC_ROUTES.has(key) || modulePublicRoutes.has(key);
}
const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * The principal of an API token secret, or undefined when it is unknown, revoked, expired, or its creator no longer
 * holds the role it carries. Also used by the TAXII server (its own auth: Bearer or HTTP Basic).
 */
export async function tokenPrincipal(
  deps: Deps,
  secret: string,
): Promise<Extract<Principal, { kind: 'token' }> | undefined> {
  const now = deps.now();
  const token = await findApiTokenByHash(deps.store.db, sha256(secret));
  if (!token || token.revoked_at !== null || new Date(token.expires_at) <= now) return undefined;
  // A token acts for its creator: it dies when they leave the organization or lose the role it carries.
  const creator =
    token.created_by === null
      ? undefined
      : await authReads(deps.store).membership(token.org_id, token.created_by);
  if (!creator || !roleWithin(creator.role as Role, token.role as Role)) return undefined;
  if (!token.last_used_at || now.getTime() - new Date(token.last_used_at).getTime() > TOUCH_EVERY_MS) {
    await touchApiToken(deps.store.db, token.id, now.toISOString());
  }
  return {
    kind: 'token',
    tokenId: token.id,
    orgId: token.org_id,
    role: token.role as Role,
    createdBy: token.created_by,
  };
}

/** Resolves the caller from the session cookie or a bearer API token, and enforces CSRF for cookie sessions. */
export async function resolvePrincipal(deps: Deps, req: FastifyRequest): Promise<void> {
  req.principal = null;
  const now = deps.now();
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    req.principal = (await tokenPrincipal(deps, auth.slice(7).trim())) ?? fail('unauthenticated');
    return;
  }
  const raw = req.cookies[SESSION_COOKIE];
  const reads = authReads(deps.store);
  const found = raw ? await reads.session(sha256(raw), now) : undefined;
  const session = found?.session;
  const user =
    found && found.session.stage === 'full' && new Date(found.session.expires_at) > now
      ? found.user
      : undefined;
  if (!session || !user) {
    if (!isPublic(req)) fail('unauthenticated');
    return;
  }
  req.principal = { kind: 'user', user, sessionId: session.id, csrfToken: session.csrf_token };
  if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    const expires = new Date(now.getTime() + deps.config.sessionHours * 3_600_000).toISOString();
    await touchSession(deps.store.db, session.id, now.toISOString(), expires);
    reads.touched(session.id, now.toISOString(), expires);
  }
  if (!SAFE_METHODS.has(req.method) && !req.routeOptions.config.skipCsrf) {
    const header = req.headers['x-csrf-token'];
    if (typeof header !== 'string' || !safeEqual(header, session.csrf_token)) fail('csrf_failed');
  }
}

/** A signed-in person (not an API token). */
export function requireUser(req: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  const p = req.principal;
  if (p === null) return fail('unauthenticated');
  if (p.kind !== 'user') return fail('forbidden');
  return p;
}

export interface OrgAccess {
  orgId: string;
  role: Role;
  actorUserId: string | null;
  actorTokenId: string | null;
}

/**
 * The caller's access to one organization. Someone outside the organization gets 404 (its existence
 * is not revealed); a member whose role lacks the permission gets 403.
 */
export async function requireOrg(
  deps: Deps,
  req: FastifyRequest,
  orgId: string,
  perm: Permission | ModulePermission,
): Promise<OrgAccess> {
  const p = req.principal;
  if (p === null) return fail('unauthenticated');
  let access: OrgAccess;
  if (p.kind === 'token') {
    if (p.orgId !== orgId) return fail('not_found');
    access = { orgId, role: p.role, actorUserId: p.createdBy, actorTokenId: p.tokenId };
  } else {
    const m = await authReads(deps.store).membership(orgId, p.user.id);
    if (!m) return fail('not_found');
    access = { orgId, role: m.role as Role, actorUserId: p.user.id, actorTokenId: null };
  }
  if (!can(access.role, perm)) return fail('forbidden');
  return access;
}

export function setSessionCookie(
  deps: Deps,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(deps: Deps, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
  });
}

/** The caller's access on a route that declares `config.permission` (checked before the handler). */
export function orgAccess(req: FastifyRequest): OrgAccess {
  return req.access ?? fail('internal');
}

/** Routes that never look at the caller: no session lookup for them. */
const WITHOUT_PRINCIPAL = new Set(['/api/health', '/api/openapi.json']);

/**
 * Resolves the caller (resolvePrincipal) on the API routes only, as each route's first onRequest
 * hook: static files, the API documentation, health and unmatched URLs carry no session lookup.
 */
export function resolvePrincipalOnApiRoutes(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/') || url.startsWith('/api/docs') || WITHOUT_PRINCIPAL.has(url)) return;
    const hook: onRequestAsyncHookHandler = async (req) => resolvePrincipal(deps, req);
    const existing = route.onRequest;
    route.onRequest =
      existing === undefined ? [hook] : [hook, ...(Array.isArray(existing) ? existing : [existing])];
  });
}

/**
 * Adds the organization access check (and the instance-administrator check) to exactly the routes that
 * declare a permission (or `instanceAdmin`), after
 * validation (as the handlers did before), so other routes carry no hook for it.
 */
export function checkRoutePermissions(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRoute', (route) => {
    const perm = route.config?.permission;
    const instanceAdmin = route.config?.instanceAdmin === true;
    if (perm === undefined && !instanceAdmin) return;
    const userOnly = route.config?.userOnly === true || instanceAdmin;
    const check: preHandlerAsyncHookHandler = async (req) => {
      const user = userOnly ? requireUser(req) : undefined;
      if (perm !== undefined) {
        const orgId = (req.params as { orgId?: string }).orgId;
        req.access = await requireOrg(deps, req, orgId ?? fail('not_found'), perm);
      }
      if (instanceAdmin && user?.user.is_instance_admin !== 1) fail('forbidden');
    };
    const existing = route.preHandler;
    route.preHandler =
      existing === undefined ? [check] : [check, ...(Array.isArray(existing) ? existing : [existing])];
  });
}
