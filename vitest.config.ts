import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs both projects. `main` is every test; tests that open a database run on SQLite and
 * in-process PostgreSQL (PGlite), and also on a real server when SHINRAI_TEST_PG_URL is set
 * (test/helpers/stores.ts). `instances` (test/instances: several server processes on one real
 * PostgreSQL) exists only when SHINRAI_TEST_INSTANCES=1, as `npm run test:pg` sets it. The API tests use one database per run (SQLite unless
 * SHINRAI_TEST_API_DIALECT says otherwise), so `api-pglite` runs the API suites of the modules with
 * the most dialect-specific SQL (software, CPSF, SME, catalogs) again on PGlite. Real PostgreSQL:
 * `npm run test:pg` (test/pg.mjs).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests that run bin/shinrai.mjs in a child process run the TypeScript sources, never a stale build
    // (SHINRAI_FROM_SOURCE=0 npx vitest run test/cli … runs them on the build instead).
    env: { SHINRAI_FROM_SOURCE: process.env.SHINRAI_FROM_SOURCE ?? '1' },
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/e2e/**', 'test/instances/**'],
        },
      },
      ...(process.env.SHINRAI_TEST_INSTANCES === '1'
        ? [{ extends: true as const, test: { name: 'instances', include: ['test/instances/**/*.test.ts'] } }]
        : []),
      {
        extends: true,
        test: {
          name: 'api-pglite',
          include: [
            'test/api/software.test.ts',
            'test/api/software-vex.test.ts',
            'test/api/cpsf.test.ts',
            'test/api/sme.test.ts',
            'test/api/catalog-import.test.ts',
          ],
          env: { SHINRAI_TEST_API_DIALECT: 'pglite' },
        },
      },
    ],
  },
});
