import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedRoutes, fillPath, randomResources, ROUTES } from '../helpers/api-routes.ts';
import { makeApp, type TestApp } from '../helpers/app.ts';

describe('an anonymous caller learns nothing from input checks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp('sqlite', { packs: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gets 401 before validation on every non-public route, even with a malformed body', async () => {
    const routes = await documentedRoutes(t.app);
    const checked: string[] = [];
    for (const r of routes) {
      if (ROUTES[r.key]?.access === 'public') continue;
      const res = await t.app.inject({
        method: r.method as 'POST',
        url: fillPath(r.path, randomResources(), r.operation),
        headers: { 'content-type': 'application/json' },
        ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: '{"not valid": ' }),
      });
      expect(res.statusCode, r.key).toBe(401);
      expect((JSON.parse(res.body) as { error: { code: string } }).error.code, r.key).toBe('unauthenticated');
      checked.push(r.key);
    }
    expect(checked.length).toBeGreaterThan(30);
  });

  it('still serves the SPA and public documents without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/nothing-here' })).statusCode).toBe(404);
  });
});
