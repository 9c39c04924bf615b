import { randomUUID } from 'node:crypto';
import { hashPassword } from '@shinrai/server';
import { insertMembership, insertOrganization, insertUser, migrate, openStore } from '@shinrai/store';

/** An organization of 1,000 members (one owner who signs in, 999 members) in a new SQLite data folder. */
export async function seedMembers(
  dataDir: string,
  email = 'bench@example.jp',
  password = 'benchmark passphrase 2026',
): Promise<{ orgId: string; email: string; password: string }> {
  const store = openStore({ databaseUrl: undefined, dataDir });
  await migrate(store);
  const now = new Date().toISOString();
  const orgId = randomUUID();
  const hash = await hashPassword(password);
  await store.db.transaction().execute(async (trx) => {
    await insertOrganization(trx, {
      id: orgId,
      slug: 'bench-org',
      name: 'ベンチ工業',
      kind: 'enterprise',
      corporateNumber: null,
      industry: null,
      size: null,
      prefecture: '13',
      now,
    });
    const adminId = randomUUID();
    await insertUser(trx, {
      id: adminId,
      email,
      displayName: '管理者',
      passwordHash: hash,
      locale: 'ja',
      isInstanceAdmin: true,
      now,
    });
    await insertMembership(trx, { orgId, userId: adminId, role: 'owner', now });
    for (let i = 0; i < 999; i++) {
      const id = randomUUID();
      await insertUser(trx, {
        id,
        email: `member${String(i).padStart(4, '0')}@bench.example.jp`,
        displayName: `メンバー${i}`,
        passwordHash: null,
        locale: 'ja',
        isInstanceAdmin: false,
        now,
      });
      await insertMembership(trx, { orgId, userId: id, role: 'member', now });
    }
  });
  await store.close();
  return { orgId, email, password };
}
