import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../modules.ts';

export type DialectName = 'sqlite' | 'postgres';

/** Everything that differs between SQLite and PostgreSQL lives behind this interface. */
export interface DialectOps {
  readonly name: DialectName;
  /** Serializes audit appends across connections (PostgreSQL advisory lock; SQLite has one writer). */
  lockAuditChain(trx: Transaction<Database>): Promise<void>;
  /** Claims one due job for `workerId`, or returns null. Runs at most once across instances. */
  claimJob(db: Kysely<Database>, workerId: string, now: string, leaseUntil: string): Promise<string | null>;
  /** Append-only protection for the audit log (triggers). */
  auditTriggersSql(): string[];
  /** Case-insensitive LIKE operator name. */
  readonly ilike: 'like' | 'ilike';
}
