import { DomainError, ERROR_MESSAGES, localeFrom, type ErrorCode, type Locale } from '@shinrai/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleError, ServerModule } from '../module.ts';

/** The one place where error codes become HTTP statuses. */
const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  locked: 423,
  mfa_required: 401,
  invalid_credentials: 401,
  invalid_token: 404,
  expired: 410,
  setup_done: 409,
  setup_code_invalid: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  csrf_failed: 403,
  last_owner: 409,
  role_not_grantable: 403,
  weak_password: 400,
  email_taken: 409,
  slug_taken: 409,
  invalid_corporate_number: 400,
  relationship_exists: 409,
  relationship_self: 400,
  relationship_transition: 409,
  totp_invalid: 401,
  oidc_disabled: 404,
  oidc_failed: 401,
  unknown_item: 404,
  import_invalid: 422,
  revision_conflict: 409,
  internal: 500,
};

/** Error codes the modules declare (modules/index.ts), filled once when the app is built. */
const moduleErrors = new Map<string, ModuleError>();

export function registerModuleErrors(modules: readonly ServerModule[]): void {
  for (const m of modules) {
    for (const [code, e] of Object.entries(m.errors ?? {})) {
      const known = moduleErrors.get(code);
      if (Object.hasOwn(STATUS, code) || (known !== undefined && known !== e))
        throw new Error(`error code ${code} of module ${m.name} is already declared`);
      moduleErrors.set(code, e);
    }
  }
}

function isPlatformCode(code: string): code is ErrorCode {
  return Object.hasOwn(STATUS, code);
}

/** The HTTP status of a platform or module error code; an undeclared code is a server bug (500). */
export function statusOf(code: string): number {
  if (isPlatformCode(code)) return STATUS[code];
  return moduleErrors.get(code)?.status ?? 500;
}

export function errorBody(code: string, locale: Locale, details?: unknown) {
  const declared = isPlatformCode(code) ? ERROR_MESSAGES[code] : moduleErrors.get(code);
  if (declared === undefined)
    return { error: { code: 'internal', message: ERROR_MESSAGES.internal[locale] } };
  return {
    error: { code, message: declared[locale], ...(details === undefined ? {} : { details }) },
  };
}

export function requestLocale(req: FastifyRequest): Locale {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'ja') return q;
  return localeFrom(req.headers['accept-language']);
}

const zodLocales = { ja: z.locales.ja(), en: z.locales.en() };

/** Re-words a zod issue in the request's language (zod ships Japanese and English messages). */
function localizeIssue(
  keyword: string,
  params: Record<string, unknown>,
  fallback: string | undefined,
  locale: Locale,
) {
  try {
    const msg = zodLocales[locale].localeError({ code: keyword, ...params } as never);
    if (typeof msg === 'string') return msg;
    if (msg && typeof msg === 'object' && 'message' in msg) return String(msg.message);
  } catch {
    // fall through to the original message
  }
  return fallback ?? '';
}

/** The value at a validation error's path (`/a/0/b`) inside the request part that failed. */
function valueAt(data: unknown, instancePath: string): unknown {
  let cur = data;
  for (const key of instancePath.split('/').filter((k) => k !== '')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
};

/** Maps any error to the stable error body; never leaks internals, never answers 500 for bad input. */
export function handleError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(req);
  if (err instanceof DomainError) {
    return reply.status(statusOf(err.code)).send(errorBody(err.code, locale, err.details));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? 'body';
    const data: unknown = {
      body: req.body,
      querystring: req.query,
      params: req.params,
      headers: req.headers,
    }[where];
    const details = err.validation.map((v) => ({
      in: where,
      pointer: v.instancePath === '/' ? '' : v.instancePath,
      // The validator drops the offending value; zod's messages need it to say what was received.
      message: localizeIssue(
        v.keyword,
        { input: valueAt(data, v.instancePath), ...v.params },
        v.message,
        locale,
      ),
    }));
    return reply.status(400).send(errorBody('validation_failed', locale, details));
  }
  const fe = err as FastifyError;
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return reply.status(statusOf(mapped)).send(errorBody(mapped, locale));
  if (fe.statusCode === 429) return reply.status(429).send(errorBody('rate_limited', locale));
  if (
    err instanceof SyntaxError ||
    (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500)
  ) {
    return reply.status(fe.statusCode ?? 400).send(errorBody('bad_request', locale));
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', locale));
}

export const fail = (code: ErrorCode, details?: unknown): never => {
  throw new DomainError(code, details);
};

/** A module's own `fail`: platform codes plus the codes the module declares. */
export function failWith<E extends Record<string, ModuleError>>(_declared: E) {
  return (code: ErrorCode | (keyof E & string), details?: unknown): never => {
    throw new DomainError(code, details);
  };
}
