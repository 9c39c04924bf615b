import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectOps } from '../../dialect/types.ts';

/**
 * One lock and one sequence per audit chain, so organizations do not queue behind each other:
 * `audit_chains` holds each chain's head (its row is what an append locks), `audit_log.chain_seq` the
 * position of an entry in its chain. Existing entries get their position from their order in the chain;
 * their hashes do not change (chain_seq is not hashed: the prev_hash links already fix the order, and the
 * verifier checks that positions run 1, 2, 3 … along them).
 */
export function auditChainsMigration(ops: DialectOps): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('audit_chains')
        .addColumn('chain', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('head', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .alterTable('audit_log')
        .addColumn('chain_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await ops.withoutAuditTriggers(db, async () => {
        await sql`
          update audit_log set chain_seq = r.pos
          from (select seq as s, row_number() over (partition by org_id order by seq) as pos from audit_log) as r
          where audit_log.seq = r.s`.execute(db);
      });
      await sql`
        insert into audit_chains (chain, seq, head)
        select coalesce(org_id, 'instance'), chain_seq, hash from (
          select org_id, chain_seq, hash, count(*) over (partition by org_id) as n from audit_log
        ) as x where chain_seq = n`.execute(db);
      await db.schema
        .createIndex('audit_log_chain')
        .unique()
        .on('audit_log')
        .columns(['org_id', 'chain_seq'])
        .execute();
      if (ops.name === 'postgres') {
        await sql`create sequence audit_log_global_seq`.execute(db);
        await sql`select setval('audit_log_global_seq', coalesce((select max(seq) from audit_log), 0) + 1, false)`.execute(
          db,
        );
      }
    },
  };
}
