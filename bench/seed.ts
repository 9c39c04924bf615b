/** Shared seeding for the benchmarks: a seeded PRNG and an organization with its owner. */
import { hashPassword } from '@shinrai/server';
import { insertMembership, insertOrganization, insertUser, type Executor } from '@shinrai/store';

/** mulberry32: a small seeded PRNG so every run uses the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The organization 'bench' (ベンチ) and its owner, an instance administrator who signs in with email/password. */
export async function seedOwner(
  trx: Executor,
  p: { orgId: string; userId: string; email: string; password: string; now: string },
): Promise<void> {
  await insertOrganization(trx, {
    id: p.orgId,
    slug: 'bench',
    name: 'ベンチ',
    kind: 'enterprise',
    corporateNumber: null,
    industry: null,
    size: null,
    prefecture: null,
    now: p.now,
  });
  await insertUser(trx, {
    id: p.userId,
    email: p.email,
    displayName: 'B',
    passwordHash: await hashPassword(p.password),
    locale: 'ja',
    isInstanceAdmin: true,
    now: p.now,
  });
  await insertMembership(trx, { orgId: p.orgId, userId: p.userId, role: 'owner', now: p.now });
}
