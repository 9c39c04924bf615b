import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.ts';

export type DialectName = 'sqlite' | 'postgres';

/** Everything that differs between SQLite and PostgreSQL lives behind this interface. */
export interface DialectOps {
  readonly name: DialectName;
  /**
   * The next global audit sequence number (the ordering key of audit_log). PostgreSQL: a sequence, so
   * appends to different organizations' chains do not wait for each other; SQLite has one writer.
   */
  nextAuditSeq(trx: Transaction<Database>): Promise<number>;
  /** Runs `fn` with the append-only triggers off (migrations that backfill a column only). */
  withoutAuditTriggers(db: Kysely<unknown>, fn: () => Promise<void>): Promise<void>;
  /** Claims one due job for `workerId`, or returns null. Runs at most once across instances. */
  claimJob(db: Kysely<Database>, workerId: string, now: string, leaseUntil: string): Promise<string | null>;
  /** Append-only protection for the audit log (triggers). */
  auditTriggersSql(): string[];
  /** Case-insensitive LIKE operator name. */
  readonly ilike: 'like' | 'ilike';
}
