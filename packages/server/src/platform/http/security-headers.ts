import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The security headers' configuration: CSP for the web application, HSTS behind HTTPS. */
export function helmetOptions(secureCookies: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: secureCookies ? [] : null,
      },
    },
    hsts: secureCookies,
  };
}

/**
 * Helmet's headers for the given options, worked out once. Every one of them is fixed for a given
 * configuration (no CSP nonces are used), while @fastify/helmet rebuilt the helmet middleware (and
 * parsed the CSP directives) on every request in two hooks.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): {
  set: [string, string][];
  remove: string[];
} {
  const set = new Map<string, string>();
  const remove = new Set<string>();
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.set(name.toLowerCase(), String(value));
      remove.delete(name.toLowerCase());
    },
    removeHeader(name: string) {
      set.delete(name.toLowerCase());
      remove.add(name.toLowerCase());
    },
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, () => undefined);
  return { set: [...set], remove: [...remove] };
}

/** Sets the security headers on every response, as @fastify/helmet did, from one precomputed list. */
export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const { set, remove } = securityHeaders(options);
  app.addHook('onRequest', (_req, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of set) raw.setHeader(name, value);
    for (const name of remove) raw.removeHeader(name);
    done();
  });
}
