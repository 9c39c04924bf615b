/**
 * The set-up both supply-chain benchmarks share: a fresh SQLite instance in a temporary folder with the
 * built-in packs, one organization set up through the real route, its session, and the SME self-check
 * catalog's id. The mailer only counts (`sentCount()`), so the benches measure Shinrai's own work.
 */
import {
  buildApp,
  installBuiltinPacks,
  loadConfig,
  openFileStore,
  prepareSetupCode,
  type Deps,
  type Mailer,
} from '@shinrai/server';
import { migrate, openStore } from '@shinrai/store';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function supplychainBenchApp(name: string, setupCode: string, mailer?: Mailer) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `shinrai-bench-${name}-`));
  const store = openStore({ databaseUrl: undefined, dataDir: dir });
  await migrate(store);
  const config = {
    ...loadConfig({ SHINRAI_DATA_DIR: dir, SHINRAI_SETUP_CODE: setupCode, SHINRAI_WEB_DIST: '/nonexistent' }),
  };
  let sent = 0;
  const deps: Deps = {
    store,
    files: openFileStore(store, dir),
    config,
    mailer: mailer ?? { configured: true, send: async () => void sent++ },
    now: () => new Date(),
    log: undefined as never,
  };
  const app = await buildApp(deps);
  deps.log = app.log;
  await prepareSetupCode(deps);
  await installBuiltinPacks(deps);

  const setup = await app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: {
      setupCode,
      email: 'bench@example.jp',
      displayName: 'ベンチ',
      password: 'correct horse battery staple',
      locale: 'ja',
      organization: {
        name: 'ベンチ精機',
        kind: 'enterprise',
        prefecture: '13',
        size: 'large',
        industry: '製造業',
      },
    },
  });
  if (setup.statusCode !== 201) throw new Error(`setup: ${setup.statusCode} ${setup.body}`);
  const setCookie = setup.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : [String(setCookie)])
    .find((c) => c.startsWith('shinrai_session='))!
    .split(';')[0]!;
  const csrf = (JSON.parse(setup.body) as { csrfToken: string }).csrfToken;
  const me = JSON.parse((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).body) as {
    memberships: { organization: { id: string } }[];
  };
  const orgId = me.memberships[0]!.organization.id;
  const catalogs = JSON.parse(
    (await app.inject({ method: 'GET', url: `/api/orgs/${orgId}/catalogs`, headers: { cookie } })).body,
  ) as { items: { id: string; urn: string }[] };
  const catalogId = catalogs.items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')!.id;
  return { dir, store, deps, app, cookie, csrf, orgId, catalogId, sentCount: () => sent };
}
