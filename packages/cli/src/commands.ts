import { checkPassword } from '@shinrai/core';
import { hashPassword, loadConfig, startServer, type Config } from '@shinrai/server';
import {
  backupSqlite,
  checkSqliteBackup,
  findUserByEmail,
  insertMembership,
  insertOrganization,
  insertUser,
  migrate,
  migrateToLatest,
  openStore,
  restoreSqlite,
  setSetting,
  type Store,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { t, type Out } from './output.ts';
import { Progress } from './progress.ts';

async function withStore<T>(config: Config, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export async function serveCommand(): Promise<void> {
  await startServer(loadConfig(), { handleSignals: true });
}

export async function migrateCommand(out: Out): Promise<number> {
  return withStore(loadConfig(), async (store) => {
    const { error, results } = await migrateToLatest(store.db, store.ops);
    if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
    for (const r of results) out.line(`${r.status} ${r.migrationName}`);
    out.line(t(out, results.length > 0 ? 'migrated' : 'upToDate'));
    return 0;
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function createAdminCommand(
  out: Out,
  o: { email: string; name: string; org?: string; passwordStdin?: boolean },
): Promise<number> {
  const password = o.passwordStdin ? await readStdin() : process.env.SHINRAI_ADMIN_PASSWORD;
  if (!password) return out.fail('noPassword');
  if (checkPassword(password, o.email) !== null) return out.fail('weakPassword');
  const hash = await hashPassword(password);
  return withStore(loadConfig(), async (store) => {
    await migrate(store);
    if (await findUserByEmail(store.db, o.email)) return out.fail('emailTaken');
    await store.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const userId = randomUUID();
      await insertUser(trx, {
        id: userId,
        email: o.email,
        displayName: o.name,
        passwordHash: hash,
        locale: out.lang,
        isInstanceAdmin: true,
        now,
      });
      if (o.org) {
        const orgId = randomUUID();
        await insertOrganization(trx, {
          id: orgId,
          slug: `org-${orgId.slice(0, 8)}`,
          name: o.org,
          kind: 'enterprise',
          corporateNumber: null,
          industry: null,
          size: null,
          prefecture: null,
          now,
        });
        await insertMembership(trx, { orgId, userId, role: 'owner', now });
      }
      await setSetting(trx, 'setup_code_hash', 'used');
    });
    out.line(`${t(out, 'adminCreated')}: ${o.email}`);
    return 0;
  });
}

export async function backupCommand(out: Out, file: string | undefined): Promise<number> {
  const config = loadConfig();
  if (config.databaseUrl) return out.fail('backupPg');
  const source = path.join(config.dataDir, 'shinrai.db');
  if (!existsSync(source)) return out.fail('noDatabase', source);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
  const dest = path.resolve(file ?? path.join(config.dataDir, 'backups', `shinrai-${stamp}.db`));
  mkdirSync(path.dirname(dest), { recursive: true });
  const progress = new Progress(t(out, 'backup'), 'pages');
  await backupSqlite(source, dest, (p) => progress.update(p.totalPages - p.remainingPages, p.totalPages));
  progress.done();
  out.line(`${t(out, 'backupDone')}: ${dest}`);
  return 0;
}

export async function restoreCommand(out: Out, file: string): Promise<number> {
  const config = loadConfig();
  if (config.databaseUrl) return out.fail('restorePg');
  const problem = checkSqliteBackup(file);
  if (problem !== null) return out.fail('restoreBad', `${file} (${problem})`);
  const target = path.join(config.dataDir, 'shinrai.db');
  mkdirSync(config.dataDir, { recursive: true });
  let kept = '-';
  if (existsSync(target)) {
    kept = `${target}.before-restore-${Date.now()}`;
    await backupSqlite(target, kept, () => {});
  }
  restoreSqlite(file, target);
  out.line(`${t(out, 'restoreDone')}: ${kept}`);
  return 0;
}
