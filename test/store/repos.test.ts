import { ChainVerifier, decodeCursor, encodeCursor } from '@shinrai/core';
import {
  activeCounterparts,
  claimSetting,
  appendAudit,
  auditChainBatch,
  auditChains,
  claimJob,
  completeJob,
  countAudit,
  countOwners,
  countUsers,
  deleteExpiredSessions,
  deleteMembership,
  deleteSession,
  deleteSessionsOfUser,
  enqueueJob,
  failJob,
  findApiTokenByHash,
  findInvitation,
  findInvitationByTokenHash,
  findJob,
  findMembership,
  findOidcIdentity,
  findOpenRelationship,
  findOrganization,
  findOrganizationBySlug,
  findRelationshipForParty,
  findSession,
  findUser,
  findUserByEmail,
  getSetting,
  insertApiToken,
  insertInvitation,
  insertMembership,
  insertOrganization,
  insertRelationship,
  insertSession,
  insertUser,
  linkOidcIdentity,
  listApiTokens,
  listAudit,
  listInvitations,
  listMembers,
  listOrganizationsOfUser,
  listRelationships,
  markInvitationAccepted,
  releaseJobs,
  replaceRecoveryCodes,
  reportJobProgress,
  revokeApiToken,
  revokeInvitation,
  setMembershipRole,
  setRelationshipStatus,
  setSetting,
  touchApiToken,
  touchSession,
  updateOrganization,
  updateUser,
  useRecoveryCode,
  type AuditInput,
  type Database,
  type DialectOps,
  type JobRow,
} from '@shinrai/store';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeStore, testDialects, type TestStore } from '../helpers/stores.ts';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
/** An ISO time `s` seconds after T0. */
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const uid = (): string => randomUUID();

/** Deterministic shuffle (so inserts do not arrive in sorted order). */
function shuffled<T>(xs: T[]): T[] {
  const a = [...xs];
  let s = 7;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

describe.each(testDialects())('repositories on %s', (dialect) => {
  let t: TestStore;
  let db: Kysely<Database>;
  let ops: DialectOps;

  beforeAll(async () => {
    t = await makeStore(dialect);
    db = t.store.db;
    ops = t.store.ops;
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  async function newOrg(name = 'テスト株式会社'): Promise<string> {
    const id = uid();
    await insertOrganization(db, {
      id,
      slug: `org-${id.slice(0, 13)}`,
      name,
      kind: 'supplier',
      corporateNumber: null,
      industry: null,
      size: null,
      prefecture: null,
      now: at(0),
    });
    return id;
  }

  async function newUser(email = `${uid()}@example.jp`): Promise<string> {
    const id = uid();
    await insertUser(db, {
      id,
      email,
      displayName: '利用者',
      passwordHash: null,
      locale: 'ja',
      isInstanceAdmin: false,
      now: at(0),
    });
    return id;
  }

  const audit = (
    orgId: string | null,
    action: string,
    details: Record<string, unknown> = {},
  ): AuditInput => ({
    at: at(1),
    orgId,
    actorUserId: null,
    actorTokenId: null,
    action,
    targetType: null,
    targetId: null,
    requestId: null,
    details,
  });

  describe('organizations', () => {
    it('inserts, finds by id and slug, updates, and keeps slugs unique', async () => {
      const id = uid();
      const slug = `shinrai-${id.slice(0, 8)}`;
      await insertOrganization(db, {
        id,
        slug,
        name: '信頼製作所',
        kind: 'enterprise',
        corporateNumber: '7000012050002',
        industry: '製造業',
        size: 'large',
        prefecture: '13',
        now: at(0),
      });
      const row = await findOrganization(db, id);
      expect(row).toMatchObject({
        slug,
        name: '信頼製作所',
        kind: 'enterprise',
        corporate_number: '7000012050002',
        industry: '製造業',
        size: 'large',
        prefecture: '13',
        created_at: at(0),
        updated_at: at(0),
      });
      expect((await findOrganizationBySlug(db, slug))?.id).toBe(id);
      expect(await findOrganization(db, uid())).toBeUndefined();
      expect(await findOrganizationBySlug(db, 'no-such-slug')).toBeUndefined();

      await updateOrganization(db, id, { name: '信頼工業', prefecture: '27', industry: null }, at(5));
      expect(await findOrganization(db, id)).toMatchObject({
        name: '信頼工業',
        prefecture: '27',
        industry: null,
        corporate_number: '7000012050002',
        created_at: at(0),
        updated_at: at(5),
      });

      await expect(
        insertOrganization(db, {
          id: uid(),
          slug,
          name: 'copy',
          kind: 'hub',
          corporateNumber: null,
          industry: null,
          size: null,
          prefecture: null,
          now: at(0),
        }),
      ).rejects.toThrow();
    });

    it('lists the organizations of a user with the role, ordered by name', async () => {
      const u = await newUser();
      const b = await newOrg('B商事');
      const a = await newOrg('A工業');
      await newOrg('C運輸'); // not a member
      await insertMembership(db, { orgId: b, userId: u, role: 'viewer', now: at(0) });
      await insertMembership(db, { orgId: a, userId: u, role: 'owner', now: at(0) });
      const orgs = await listOrganizationsOfUser(db, u);
      expect(orgs.map((o) => [o.id, o.name, o.role])).toEqual([
        [a, 'A工業', 'owner'],
        [b, 'B商事', 'viewer'],
      ]);
    });
  });

  describe('users', () => {
    it('stores e-mail in lower case and finds it whatever the case', async () => {
      const id = await newUser('Taro.Yamada@Example.JP');
      expect((await findUser(db, id))?.email).toBe('taro.yamada@example.jp');
      for (const e of ['taro.yamada@example.jp', 'TARO.YAMADA@EXAMPLE.JP', 'Taro.Yamada@example.jp']) {
        expect((await findUserByEmail(db, e))?.id, e).toBe(id);
      }
      expect(await findUserByEmail(db, 'hanako@example.jp')).toBeUndefined();
    });

    it('refuses a second user with the same e-mail in another case', async () => {
      await newUser('Unique.Person@example.jp');
      await expect(newUser('unique.person@EXAMPLE.jp')).rejects.toThrow();
    });

    it('has defaults, updates fields and counts users', async () => {
      const before = await countUsers(db);
      const id = await newUser();
      expect(await countUsers(db)).toBe(before + 1);
      const row = await findUser(db, id);
      expect(row).toMatchObject({
        totp_enabled: 0,
        is_instance_admin: 0,
        failed_logins: 0,
        locked_until: null,
        totp_secret: null,
      });
      await updateUser(db, id, { failed_logins: 5, locked_until: at(900), display_name: '山田' }, at(10));
      expect(await findUser(db, id)).toMatchObject({
        failed_logins: 5,
        locked_until: at(900),
        display_name: '山田',
        updated_at: at(10),
        created_at: at(0),
      });
    });

    it('replaces recovery codes and uses each once', async () => {
      const id = await newUser();
      await replaceRecoveryCodes(db, id, [
        { id: uid(), hash: 'h-old-1' },
        { id: uid(), hash: 'h-old-2' },
      ]);
      expect(await useRecoveryCode(db, id, 'h-old-1', at(1))).toBe(true);
      expect(await useRecoveryCode(db, id, 'h-old-1', at(2))).toBe(false);
      await replaceRecoveryCodes(db, id, [{ id: uid(), hash: 'h-new-1' }]);
      expect(await useRecoveryCode(db, id, 'h-old-2', at(3))).toBe(false);
      const other = await newUser();
      expect(await useRecoveryCode(db, other, 'h-new-1', at(3))).toBe(false);
      expect(await useRecoveryCode(db, id, 'h-new-1', at(3))).toBe(true);
      await replaceRecoveryCodes(db, id, []);
      expect(await db.selectFrom('recovery_codes').select('id').where('user_id', '=', id).execute()).toEqual(
        [],
      );
    });
  });

  describe('memberships', () => {
    it('pages through 120 members 50 at a time: 3 pages, in joining order, no duplicates or gaps', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const emails = Array.from({ length: 120 }, (_, i) => `member${String(i).padStart(3, '0')}@example.jp`);
      const ids = new Map<string, string>();
      // Joined in a shuffled order; every fourth pair joins at the same instant (ties are ordered by user id).
      const joined = shuffled(emails);
      const expected: string[] = [];
      const batch: { u: string; e: string }[] = [];
      for (const [k, e] of joined.entries()) {
        const u = await newUser(`${org.slice(0, 4)}-${e}`);
        ids.set(u, e);
        await insertMembership(db, { orgId: org, userId: u, role: 'member', now: at(Math.floor(k / 2) * 2) });
        batch.push({ u, e });
        if (batch.length === 2) {
          expected.push(...batch.sort((x, y) => (x.u < y.u ? -1 : 1)).map((b) => b.e));
          batch.length = 0;
        }
      }
      const emailsInOrder = expected;
      // A member of another organization must never show up.
      const outsider = await newUser(`${org.slice(0, 4)}-member050a@example.jp`);
      await insertMembership(db, { orgId: other, userId: outsider, role: 'owner', now: at(0) });

      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page = await listMembers(db, org, cursor, 50);
        expect(page).not.toBeNull();
        pages.push(page!.items.map((m) => m.userId));
        cursor = page!.nextCursor;
        expect(pages.length).toBeLessThanOrEqual(3);
      } while (cursor !== null);

      expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
      const all = pages.flat();
      expect(new Set(all).size).toBe(120);
      expect(all).not.toContain(outsider);
      expect(all.map((u) => ids.get(u))).toEqual(emailsInOrder);
    });

    it('returns exactly one page, without a cursor, when everything fits', async () => {
      const org = await newOrg();
      for (let i = 0; i < 3; i++)
        await insertMembership(db, { orgId: org, userId: await newUser(), role: 'viewer', now: at(0) });
      const page = await listMembers(db, org, null, 3);
      expect(page?.items).toHaveLength(3);
      expect(page?.nextCursor).toBeNull();
    });

    it.each([
      'garbage',
      '',
      encodeCursor({ k: 'x', id: 'y' }).slice(0, 5),
      Buffer.from('[1]').toString('base64url'),
    ])('returns null for the bad cursor %j', async (cursor) => {
      const org = await newOrg();
      expect(await listMembers(db, org, cursor, 50)).toBeNull();
    });

    it('finds, changes role, counts owners and deletes', async () => {
      const org = await newOrg();
      const a = await newUser();
      const b = await newUser();
      await insertMembership(db, { orgId: org, userId: a, role: 'owner', now: at(1) });
      await insertMembership(db, { orgId: org, userId: b, role: 'admin', now: at(2) });
      await expect(
        insertMembership(db, { orgId: org, userId: a, role: 'viewer', now: at(3) }),
      ).rejects.toThrow();
      expect(await findMembership(db, org, a)).toEqual({ role: 'owner', created_at: at(1) });
      expect(await countOwners(db, org)).toBe(1);
      await setMembershipRole(db, org, b, 'owner');
      expect(await countOwners(db, org)).toBe(2);
      await deleteMembership(db, org, a);
      expect(await findMembership(db, org, a)).toBeUndefined();
      expect(await countOwners(db, org)).toBe(1);
      expect(await findMembership(db, await newOrg(), b)).toBeUndefined();
    });

    it('refuses a membership of an unknown organization or user (foreign keys)', async () => {
      const org = await newOrg();
      await expect(
        insertMembership(db, { orgId: org, userId: uid(), role: 'member', now: at(0) }),
      ).rejects.toThrow();
      await expect(
        insertMembership(db, { orgId: uid(), userId: await newUser(), role: 'member', now: at(0) }),
      ).rejects.toThrow();
    });
  });

  describe('invitations', () => {
    async function invite(orgId: string, createdAt = at(0), id = uid()) {
      const row = {
        id,
        org_id: orgId,
        email: 'invitee@example.jp',
        role: 'member',
        token_hash: `hash-${uid()}`,
        invited_by: null,
        expires_at: at(7 * 86_400),
        accepted_at: null,
        revoked_at: null,
        created_at: createdAt,
      };
      await insertInvitation(db, row);
      return row;
    }

    it('is single use: accepting a second time returns false', async () => {
      const org = await newOrg();
      const inv = await invite(org);
      expect((await findInvitationByTokenHash(db, inv.token_hash))?.id).toBe(inv.id);
      expect(await markInvitationAccepted(db, inv.id, at(10))).toBe(true);
      expect(await markInvitationAccepted(db, inv.id, at(11))).toBe(false);
      expect((await findInvitation(db, org, inv.id))?.accepted_at).toBe(at(10));
      expect(await revokeInvitation(db, org, inv.id, at(12))).toBe(false);
    });

    it('lets only one of two simultaneous acceptances win', async () => {
      const org = await newOrg();
      for (let round = 0; round < 5; round++) {
        const inv = await invite(org);
        const results = await Promise.all([
          markInvitationAccepted(db, inv.id, at(1)),
          markInvitationAccepted(db, inv.id, at(2)),
          markInvitationAccepted(db, inv.id, at(3)),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
      }
    });

    it('revokes once, only within its organization, and a revoked invitation cannot be accepted', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const inv = await invite(org);
      expect(await findInvitation(db, other, inv.id)).toBeUndefined();
      expect(await revokeInvitation(db, other, inv.id, at(5))).toBe(false);
      expect(await revokeInvitation(db, org, inv.id, at(5))).toBe(true);
      expect(await revokeInvitation(db, org, inv.id, at(6))).toBe(false);
      expect((await findInvitation(db, org, inv.id))?.revoked_at).toBe(at(5));
      expect(await markInvitationAccepted(db, inv.id, at(7))).toBe(false);
    });

    it('refuses a duplicate token hash', async () => {
      const org = await newOrg();
      const inv = await invite(org);
      await expect(insertInvitation(db, { ...inv, id: uid() })).rejects.toThrow();
    });

    it('lists newest first and pages through rows with equal creation times', async () => {
      const org = await newOrg();
      const ids = ['a', 'b', 'c', 'd', 'e'].map((c) => `${c}-${uid()}`);
      for (const id of shuffled(ids)) await invite(org, at(100), id);
      const newer = await invite(org, at(200));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await listInvitations(db, org, cursor, 2);
        seen.push(...page!.items.map((i) => i.id));
        cursor = page!.nextCursor;
        pages++;
      } while (cursor !== null);
      expect(pages).toBe(3);
      expect(seen).toEqual([newer.id, ...[...ids].reverse()]);
      expect(await listInvitations(db, org, 'not-a-cursor', 2)).toBeNull();
    });
  });

  describe('relationships', () => {
    it('is visible to its two parties only', async () => {
      const buyer = await newOrg('発注者');
      const supplier = await newOrg('仕入先');
      const third = await newOrg('第三者');
      const id = uid();
      await insertRelationship(db, {
        id,
        type: 'buyer_supplier',
        from_org_id: buyer,
        to_org_id: supplier,
        status: 'pending',
        requested_by_org_id: buyer,
        created_at: at(0),
        accepted_at: null,
        ended_at: null,
      });
      for (const party of [buyer, supplier]) {
        const r = await findRelationshipForParty(db, party, id);
        expect(r).toMatchObject({ id, from_name: '発注者', to_name: '仕入先', status: 'pending' });
        expect((await listRelationships(db, party, null, 50))?.items.map((x) => x.id)).toEqual([id]);
      }
      expect(await findRelationshipForParty(db, third, id)).toBeUndefined();
      expect((await listRelationships(db, third, null, 50))?.items).toEqual([]);
      expect(await listRelationships(db, buyer, '%%%', 50)).toBeNull();
    });

    it('tracks open relationships, status times and active counterparts', async () => {
      const hub = await newOrg();
      const m1 = await newOrg();
      const m2 = await newOrg();
      const mk = async (to: string) => {
        const id = uid();
        await insertRelationship(db, {
          id,
          type: 'hub_member',
          from_org_id: hub,
          to_org_id: to,
          status: 'pending',
          requested_by_org_id: to,
          created_at: at(0),
          accepted_at: null,
          ended_at: null,
        });
        return id;
      };
      const r1 = await mk(m1);
      const r2 = await mk(m2);
      expect((await findOpenRelationship(db, 'hub_member', hub, m1))?.id).toBe(r1);
      expect(await findOpenRelationship(db, 'buyer_supplier', hub, m1)).toBeUndefined();
      expect(await findOpenRelationship(db, 'hub_member', m1, hub)).toBeUndefined();
      expect(await activeCounterparts(db, hub, 'hub_member')).toEqual([]);

      await setRelationshipStatus(db, r1, 'active', at(10));
      await setRelationshipStatus(db, r2, 'declined', at(11));
      expect(await findRelationshipForParty(db, hub, r1)).toMatchObject({
        status: 'active',
        accepted_at: at(10),
        ended_at: null,
      });
      expect(await findRelationshipForParty(db, hub, r2)).toMatchObject({
        status: 'declined',
        ended_at: at(11),
      });
      expect(await findOpenRelationship(db, 'hub_member', hub, m2)).toBeUndefined();
      expect(await activeCounterparts(db, hub, 'hub_member')).toEqual([m1]);
      expect(await activeCounterparts(db, m1, 'hub_member')).toEqual([hub]);
      expect(await activeCounterparts(db, m2, 'hub_member')).toEqual([]);
      expect(await activeCounterparts(db, hub, 'buyer_supplier')).toEqual([]);

      await setRelationshipStatus(db, r1, 'ended', at(20));
      expect(await findRelationshipForParty(db, m1, r1)).toMatchObject({
        status: 'ended',
        accepted_at: at(10),
        ended_at: at(20),
      });
      expect(await findOpenRelationship(db, 'hub_member', hub, m1)).toBeUndefined();
      expect(await activeCounterparts(db, hub, 'hub_member')).toEqual([]);
    });
  });

  describe('sessions', () => {
    it('inserts, finds, touches and deletes sessions', async () => {
      const u = await newUser();
      const mk = async (expiresAt: string) => {
        const id = uid();
        await insertSession(db, {
          id,
          user_id: u,
          stage: 'full',
          csrf_token: `csrf-${id}`,
          created_at: at(0),
          expires_at: expiresAt,
          last_seen_at: at(0),
        });
        return id;
      };
      const s1 = await mk(at(3600));
      const s2 = await mk(at(3600));
      const s3 = await mk(at(60));
      expect(await findSession(db, s1)).toMatchObject({
        user_id: u,
        stage: 'full',
        csrf_token: `csrf-${s1}`,
      });

      await touchSession(db, s1, at(30), at(7200));
      expect(await findSession(db, s1)).toMatchObject({ last_seen_at: at(30), expires_at: at(7200) });

      await deleteExpiredSessions(db, at(61));
      expect(await findSession(db, s3)).toBeUndefined();
      expect(await findSession(db, s2)).toBeDefined();

      await deleteSessionsOfUser(db, u, s1);
      expect(await findSession(db, s2)).toBeUndefined();
      expect(await findSession(db, s1)).toBeDefined();

      await deleteSession(db, s1);
      expect(await findSession(db, s1)).toBeUndefined();

      const s4 = await mk(at(3600));
      await deleteSessionsOfUser(db, u);
      expect(await findSession(db, s4)).toBeUndefined();
    });
  });

  describe('API tokens', () => {
    async function token(orgId: string, createdAt = at(0)) {
      const id = uid();
      const row = {
        id,
        org_id: orgId,
        name: `token ${id.slice(0, 4)}`,
        token_hash: `th-${id}`,
        prefix: `shr_${id.slice(0, 6)}`,
        role: 'viewer',
        created_by: null,
        expires_at: at(86_400),
        revoked_at: null,
        last_used_at: null,
        created_at: createdAt,
      };
      await insertApiToken(db, row);
      return row;
    }

    it('finds by hash, revokes once and only in its organization, records use', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const tok = await token(org);
      expect((await findApiTokenByHash(db, tok.token_hash))?.id).toBe(tok.id);
      expect(await findApiTokenByHash(db, 'th-unknown')).toBeUndefined();

      await touchApiToken(db, tok.id, at(50));
      expect((await findApiTokenByHash(db, tok.token_hash))?.last_used_at).toBe(at(50));

      expect(await revokeApiToken(db, other, tok.id, at(60))).toBe(false);
      expect(await revokeApiToken(db, org, tok.id, at(60))).toBe(true);
      expect(await revokeApiToken(db, org, tok.id, at(61))).toBe(false);
      expect((await findApiTokenByHash(db, tok.token_hash))?.revoked_at).toBe(at(60));
    });

    it('lists newest first, page by page, scoped to the organization', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const made = [];
      for (let i = 0; i < 5; i++) made.push(await token(org, at(i)));
      await token(other, at(2));
      const first = await listApiTokens(db, org, null, 3);
      const second = await listApiTokens(db, org, first!.nextCursor, 3);
      expect(second!.nextCursor).toBeNull();
      expect([...first!.items, ...second!.items].map((x) => x.id)).toEqual(made.map((m) => m.id).reverse());
      expect(await listApiTokens(db, org, 'bogus', 3)).toBeNull();
    });
  });

  describe('OIDC identities', () => {
    it('links an issuer/subject pair to one user', async () => {
      const u = await newUser();
      const issuer = `https://idp-${uid()}.example.jp`;
      expect(await findOidcIdentity(db, issuer, 'sub-1')).toBeUndefined();
      await linkOidcIdentity(db, { issuer, subject: 'sub-1', userId: u, now: at(0) });
      expect(await findOidcIdentity(db, issuer, 'sub-1')).toEqual({ user_id: u });
      expect(await findOidcIdentity(db, issuer, 'sub-2')).toBeUndefined();
      expect(await findOidcIdentity(db, `${issuer}/other`, 'sub-1')).toBeUndefined();
      await expect(
        linkOidcIdentity(db, { issuer, subject: 'sub-1', userId: await newUser(), now: at(1) }),
      ).rejects.toThrow();
      await expect(
        linkOidcIdentity(db, { issuer, subject: 'sub-3', userId: uid(), now: at(1) }),
      ).rejects.toThrow();
    });
  });

  describe('settings', () => {
    it('reads null for an unknown key and upserts', async () => {
      const key = `k-${uid()}`;
      expect(await getSetting(db, key)).toBeNull();
      await setSetting(db, key, 'one');
      expect(await getSetting(db, key)).toBe('one');
      await setSetting(db, key, 'two');
      expect(await getSetting(db, key)).toBe('two');
      const rows = await db.selectFrom('settings').selectAll().where('key', '=', key).execute();
      expect(rows).toEqual([{ key, value: 'two' }]);
    });
  });

  describe('audit log', () => {
    async function verifyChain(orgId: string | null, batch = 4) {
      const v = new ChainVerifier();
      let after = 0;
      for (;;) {
        const rows = await auditChainBatch(db, orgId, after, batch);
        if (rows.length === 0) return { broken: null, checked: v.checked };
        const broken = v.feed(rows);
        if (broken) return { broken, checked: v.checked };
        after = rows[rows.length - 1]!.seq;
      }
    }

    it('builds one verifiable chain per organization (and one for the instance) inside transactions', async () => {
      const x = await newOrg();
      const y = await newOrg();
      const instanceBefore = await countAudit(db, null);
      for (let i = 0; i < 10; i++) {
        await db.transaction().execute(async (trx) => {
          await appendAudit(trx, ops, audit(x, 'org.update', { i }));
          await appendAudit(trx, ops, audit(y, 'member.invite', { i, name: '山田' }));
          if (i % 3 === 0) await appendAudit(trx, ops, audit(null, 'instance.setting', { i }));
        });
      }
      expect(await countAudit(db, x)).toBe(10);
      expect(await countAudit(db, y)).toBe(10);
      expect(await countAudit(db, null)).toBe(instanceBefore + 4);
      expect(await verifyChain(x)).toEqual({ broken: null, checked: 10 });
      expect(await verifyChain(y)).toEqual({ broken: null, checked: 10 });
      expect((await verifyChain(null)).broken).toBeNull();
      const chains = await auditChains(db);
      expect(chains).toEqual(expect.arrayContaining([x, y, null]));

      // Each chain starts at genesis and links to its own previous entry, not the global previous one.
      const xs = await auditChainBatch(db, x, 0, 100);
      const ys = await auditChainBatch(db, y, 0, 100);
      expect(xs[0]!.prevHash).toBe('0'.repeat(64));
      expect(ys[0]!.prevHash).toBe('0'.repeat(64));
      expect(xs[1]!.prevHash).toBe(xs[0]!.hash);
      expect(JSON.parse(ys[3]!.details)).toEqual({ i: 3, name: '山田' });
    });

    it('keeps sequence numbers unique and chains intact under concurrent appends', async () => {
      const x = await newOrg();
      const y = await newOrg();
      const seqs = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          db.transaction().execute((trx) => appendAudit(trx, ops, audit(i % 2 ? x : y, 'concurrent', { i }))),
        ),
      );
      expect(new Set(seqs).size).toBe(24);
      expect(await verifyChain(x)).toEqual({ broken: null, checked: 12 });
      expect(await verifyChain(y)).toEqual({ broken: null, checked: 12 });
    });

    it('lists newest first with the actor e-mail, page by page', async () => {
      const x = await newOrg();
      const u = await newUser('Auditor.Person@example.jp');
      for (let i = 0; i < 5; i++) {
        await db
          .transaction()
          .execute((trx) =>
            appendAudit(trx, ops, { ...audit(x, `act.${i}`), actorUserId: i === 4 ? u : null }),
          );
      }
      const first = await listAudit(db, x, null, 3);
      expect(first!.items.map((r) => r.action)).toEqual(['act.4', 'act.3', 'act.2']);
      expect(first!.items[0]!.actor_email).toBe('auditor.person@example.jp');
      expect(first!.items[1]!.actor_email).toBeNull();
      const second = await listAudit(db, x, first!.nextCursor, 3);
      expect(second!.items.map((r) => r.action)).toEqual(['act.1', 'act.0']);
      expect(second!.nextCursor).toBeNull();
      expect(await listAudit(db, x, 'rubbish', 3)).toBeNull();
      expect(await listAudit(db, x, encodeCursor({ k: 'text', id: '1' }), 3)).toBeNull();
      expect(decodeCursor(first!.nextCursor!)).toMatchObject({ k: first!.items[2]!.seq });
    });

    it('refuses UPDATE and DELETE (append-only triggers)', async () => {
      const x = await newOrg();
      const seq = await db
        .transaction()
        .execute((trx) => appendAudit(trx, ops, audit(x, 'keep.me', { v: 1 })));
      await expect(
        db.updateTable('audit_log').set({ details: '{"v":2}' }).where('seq', '=', seq).execute(),
      ).rejects.toThrow(/append-only/);
      await expect(db.updateTable('audit_log').set({ org_id: null }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(db.deleteFrom('audit_log').where('seq', '=', seq).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirst();
      expect(row?.details).toBe('{"v":1}');
      expect(await verifyChain(x)).toEqual({ broken: null, checked: 1 });
    });

    it('leaves nothing behind when the transaction that appended fails', async () => {
      const x = await newOrg();
      await db.transaction().execute((trx) => appendAudit(trx, ops, audit(x, 'first')));
      const total = Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirst()
        )?.n,
      );
      const newOrgId = uid();
      await expect(
        db.transaction().execute(async (trx) => {
          await insertOrganization(trx, {
            id: newOrgId,
            slug: `rolled-back-${newOrgId.slice(0, 8)}`,
            name: 'rolled back',
            kind: 'hub',
            corporateNumber: null,
            industry: null,
            size: null,
            prefecture: null,
            now: at(0),
          });
          await appendAudit(trx, ops, audit(x, 'second'));
          await appendAudit(trx, ops, audit(newOrgId, 'org.create'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await countAudit(db, x)).toBe(1);
      expect(await countAudit(db, newOrgId)).toBe(0);
      expect(await findOrganization(db, newOrgId)).toBeUndefined();
      const after = Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirst()
        )?.n,
      );
      expect(after).toBe(total);
      // The chain continues from the last committed entry.
      await db.transaction().execute((trx) => appendAudit(trx, ops, audit(x, 'third')));
      expect(await verifyChain(x)).toEqual({ broken: null, checked: 2 });
    });
  });

  describe('jobs', () => {
    const LEASE = 60;
    const claim = (worker: string, s: number, lease = LEASE): Promise<JobRow | undefined> =>
      claimJob(db, ops, worker, at(s), at(s + lease));
    async function enqueue(orgId: string | null, now = at(0), maxAttempts?: number) {
      const id = uid();
      await enqueueJob(db, { id, orgId, kind: 'test.kind', payload: { n: 1 }, now, maxAttempts });
      return id;
    }
    const get = (id: string) =>
      db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    beforeEach(async () => {
      await db.deleteFrom('jobs').execute();
    });

    it('enqueues a job that its organization can read', async () => {
      const org = await newOrg();
      const id = await enqueue(org);
      expect(await findJob(db, org, id)).toMatchObject({
        id,
        status: 'queued',
        attempts: 0,
        max_attempts: 5,
        payload: '{"n":1}',
        progress_current: 0,
        progress_total: 0,
        locked_by: null,
      });
      expect(await findJob(db, await newOrg(), id)).toBeUndefined();
    });

    it('hands a job out once', async () => {
      const id = await enqueue(null);
      const first = await claim('w1', 1);
      expect(first).toMatchObject({
        id,
        status: 'running',
        locked_by: 'w1',
        attempts: 1,
        locked_until: at(1 + LEASE),
      });
      expect(await claim('w1', 2)).toBeUndefined();
      expect(await claim('w2', 2)).toBeUndefined();
    });

    it('never hands the same job to two workers claiming at the same time', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 40; i++) ids.add(await enqueue(null, at(i % 7)));
      const claimed: string[] = [];
      for (let round = 0; round < 30; round++) {
        const got = await Promise.all([claim('worker-a', 10), claim('worker-b', 10), claim('worker-a', 10)]);
        const found = got.filter((j): j is JobRow => j !== undefined);
        claimed.push(...found.map((j) => j.id));
        if (found.length === 0) break;
      }
      expect(claimed).toHaveLength(40);
      expect(new Set(claimed)).toEqual(ids);
      const rows = await db.selectFrom('jobs').select(['attempts', 'status']).execute();
      expect(rows.every((r) => r.attempts === 1 && r.status === 'running')).toBe(true);
    });

    it('does not hand out a job before it is due', async () => {
      await enqueue(null, at(100));
      expect(await claim('w1', 99)).toBeUndefined();
      expect(await claim('w1', 100)).toBeDefined();
    });

    it('lets another worker take a job whose lease expired; the old worker can no longer finish it', async () => {
      const id = await enqueue(null);
      expect((await claim('w1', 0, 30))?.id).toBe(id);
      expect(await claim('w2', 29, 30)).toBeUndefined();
      expect(await claim('w2', 30, 30)).toBeUndefined(); // lease ends at 30: not yet expired
      const again = await claim('w2', 31, 30);
      expect(again).toMatchObject({ id, locked_by: 'w2', attempts: 2, status: 'running' });

      await reportJobProgress(db, id, 'w1', 9, 9, at(32), at(999));
      await completeJob(db, id, 'w1', { from: 'w1' }, at(33));
      expect(await get(id)).toMatchObject({ status: 'running', locked_by: 'w2', progress_current: 0 });

      await reportJobProgress(db, id, 'w2', 5, 10, at(40), at(100));
      expect(await get(id)).toMatchObject({ progress_current: 5, progress_total: 10, locked_until: at(100) });
      expect(await claim('w3', 90)).toBeUndefined(); // progress renewed the lease
      await completeJob(db, id, 'w2', { ok: true }, at(41));
      expect(await get(id)).toMatchObject({
        status: 'succeeded',
        result: '{"ok":true}',
        locked_by: null,
        locked_until: null,
      });
      expect(await claim('w3', 10_000)).toBeUndefined();
    });

    it('requeues a failed attempt at retryAt, and fails for good without one', async () => {
      const id = await enqueue(null);
      await claim('w1', 0);
      await failJob(db, id, 'w1', 'x'.repeat(5000), at(20), at(10));
      const row = await get(id);
      expect(row).toMatchObject({ status: 'queued', run_at: at(20), locked_by: null, attempts: 1 });
      expect(row.last_error).toHaveLength(2000);
      expect(await claim('w1', 19)).toBeUndefined();
      expect(await claim('w2', 20)).toMatchObject({ id, attempts: 2 });
      await failJob(db, id, 'w1', 'not mine', null, at(21)); // another worker's failure is ignored
      expect((await get(id)).status).toBe('running');
      await failJob(db, id, 'w2', 'final', null, at(22));
      expect(await get(id)).toMatchObject({ status: 'failed', last_error: 'final', locked_by: null });
      expect(await claim('w3', 100_000)).toBeUndefined();
    });

    it('releaseJobs returns only that worker’s running jobs to the queue without counting the attempt', async () => {
      const a = await enqueue(null, at(0));
      const b = await enqueue(null, at(1));
      const c = await enqueue(null, at(2));
      const d = await enqueue(null, at(3));
      expect((await claim('w1', 5))?.id).toBe(a);
      expect((await claim('w1', 5))?.id).toBe(b);
      expect((await claim('w2', 5))?.id).toBe(c);
      expect(await releaseJobs(db, 'w1', at(6))).toBe(2);
      for (const id of [a, b]) {
        expect(await get(id)).toMatchObject({
          status: 'queued',
          attempts: 0,
          locked_by: null,
          locked_until: null,
        });
      }
      expect(await get(c)).toMatchObject({ status: 'running', locked_by: 'w2' });
      expect(await get(d)).toMatchObject({ status: 'queued', attempts: 0 });
      expect(await releaseJobs(db, 'w1', at(7))).toBe(0);
      const reclaimed = new Set([
        (await claim('w3', 8))?.id,
        (await claim('w3', 8))?.id,
        (await claim('w3', 8))?.id,
      ]);
      expect(reclaimed).toEqual(new Set([a, b, d]));
    });
  });
  it('lets exactly one of several concurrent callers claim a once-a-month setting', async () => {
    const key = `claim:${uid()}`;
    const wins = await Promise.all([1, 2, 3, 4, 5].map(() => claimSetting(db, key, at(100), at(50))));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await getSetting(db, key)).toBe(at(100));
    // Within the period nobody claims it again; after it, one caller does.
    expect(await claimSetting(db, key, at(120), at(60))).toBe(false);
    const later = await Promise.all([1, 2, 3].map(() => claimSetting(db, key, at(300), at(200))));
    expect(later.filter(Boolean)).toHaveLength(1);
    expect(await getSetting(db, key)).toBe(at(300));
  });

  if (dialect === 'postgres') {
    it('survives the server ending idle connections (restart, failover, DROP DATABASE … FORCE)', async () => {
      // Warm the pool so it holds idle connections, then have another session end them.
      await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(db)));
      const admin = await makeStore('postgres');
      try {
        const dbName = (await sql<{ d: string }>`select current_database() as d`.execute(db)).rows[0]!.d;
        const ended = await sql<{ n: number }>`
          select count(*)::int as n from (
            select pg_terminate_backend(pid) from pg_stat_activity
            where datname = ${dbName} and pid <> pg_backend_pid()) t`.execute(admin.store.db);
        expect(ended.rows[0]!.n).toBeGreaterThan(0);
        await new Promise((r) => setTimeout(r, 200));
        // The next queries open fresh connections and succeed.
        const again = await sql<{ one: number }>`select 1 as one`.execute(db);
        expect(again.rows[0]!.one).toBe(1);
      } finally {
        await admin.cleanup();
      }
    });
  }
});
