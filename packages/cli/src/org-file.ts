import { loadConfig, openFileStore } from '@shinrai/server';
import { findOrganizationBySlug, migrate, openStore, type Store } from '@shinrai/store';
import { readFileSync } from 'node:fs';
import type { Out } from './output.ts';

type Config = ReturnType<typeof loadConfig>;
type Org = NonNullable<Awaited<ReturnType<typeof findOrganizationBySlug>>>;

/** What a command that imports one file into one organization gets: the file, the store, the server's deps. */
export interface OrgFileRun {
  data: Buffer;
  store: Store;
  org: Org;
  deps: {
    store: Store;
    files: ReturnType<typeof openFileStore>;
    config: Config;
    mailer: { send: () => Promise<void> };
    now: () => Date;
    log: never;
  };
}

/**
 * Reads FILE, opens and migrates the instance's database, finds the organization by slug and runs `fn`
 * with the server's deps (no mail is sent from a terminal); closes the store whatever happens.
 */
export async function withOrgFile(
  out: Out,
  file: string,
  orgSlug: string,
  fn: (run: OrgFileRun) => Promise<number>,
): Promise<number> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return out.fail('fileUnreadable', file);
  }
  const config = loadConfig();
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(store);
    const org = await findOrganizationBySlug(store.db, orgSlug);
    if (!org) return out.fail('orgUnknown', orgSlug);
    const deps = {
      store,
      files: openFileStore(store, config.dataDir),
      config,
      mailer: { send: async () => {} },
      now: () => new Date(),
      log: undefined as never,
    };
    return await fn({ data, store, org, deps });
  } finally {
    await store.close();
  }
}
