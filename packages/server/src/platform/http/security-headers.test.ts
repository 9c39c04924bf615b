import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { helmetOptions, registerSecurityHeaders } from './security-headers.ts';

async function headersOf(register: (app: FastifyInstance) => Promise<void>) {
  const app: FastifyInstance = Fastify();
  await register(app);
  app.get('/x', async () => ({ ok: true }));
  const res = await app.inject({ method: 'GET', url: '/x' });
  await app.close();
  const { date: _date, ...rest } = res.headers;
  return rest;
}

describe('security headers', () => {
  it.each([false, true])('are the ones @fastify/helmet set (secure cookies: %s)', async (secure) => {
    const ours = await headersOf(async (app) => registerSecurityHeaders(app, helmetOptions(secure)));
    const theirs = await headersOf(async (app) => {
      // (the same options; its helmet types come from the CommonJS build)
      await app.register(fastifyHelmet, helmetOptions(secure) as never);
    });
    expect(ours).toEqual(theirs);
    expect(ours['content-security-policy']).toContain("frame-ancestors 'none'");
    expect('strict-transport-security' in ours).toBe(secure);
  });
});
