import type { Executor } from '../database.ts';

/**
 * A change to what a request's authority is read from: a session, a user (their row and every
 * session of theirs), one membership, or everything. Servers keep sessions and memberships in
 * memory; every write that can change them goes through `authWrite`, which tells the store's
 * channel so that no instance goes on serving the old authority.
 */
export type AuthChange =
  | { kind: 'session'; id: string }
  | { kind: 'user'; userId: string }
  | { kind: 'membership'; orgId: string; userId: string }
  | { kind: 'all' };

/**
 * How a store tells its caches about changes. SQLite (one server process): in process, plus a look at
 * `PRAGMA data_version` for writes by another process (the CLI). PostgreSQL: NOTIFY in the writing
 * transaction (delivered at commit, to every instance) and a LISTEN connection per server.
 */
export interface AuthChannel {
  /** Starts receiving other instances' changes (PostgreSQL: opens the LISTEN connection). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Calls `fn` for every change seen: this instance's at once, others' when announced. */
  subscribe(fn: (change: AuthChange) => void): () => void;
  /**
   * Whether cached authority may be used now: false while the PostgreSQL listener is down or a
   * change of this instance is not yet confirmed committed (its own notification not yet back).
   */
  usable(): boolean;
  /** Before a write: tells this instance's caches at once; returns a ticket for `after`. */
  before(change: AuthChange): number;
  /** After the write, on the same executor: tells the caches again and announces the change. */
  after(ex: Executor, change: AuthChange, ticket: number): Promise<void>;
  /** The write failed outside a transaction: nothing changed. */
  cancel(ticket: number): void;
  /** The last ticket handed out so far (a request notes it when it starts, for `settled`). */
  mark(): number;
  /**
   * Resolves once every change of this instance after ticket `since` has come back from the database
   * (PostgreSQL: its notification, which reached every other instance's listener at the same commit), or
   * after `maxMs`. A response to a write that changed authority waits for it, so a request sent to another
   * instance after that response is not served on the old authority.
   */
  settled(maxMs: number, since?: number): Promise<void>;
}

/**
 * Channels by the Kysely adapter of their store. A transaction shares its database's adapter, so a
 * repository function can find the channel from whatever executor it was given.
 */
const channels = new WeakMap<object, AuthChannel>();

export function attachAuthChannel(ex: Executor, channel: AuthChannel): void {
  channels.set(ex.getExecutor().adapter, channel);
}

export function authChannelOf(ex: Executor): AuthChannel | undefined {
  return channels.get(ex.getExecutor().adapter);
}

/** Runs a write that changes sessions, users or memberships, telling the store's channel. */
export async function authWrite<T>(ex: Executor, change: AuthChange, write: () => Promise<T>): Promise<T> {
  const channel = authChannelOf(ex);
  if (channel === undefined) return write();
  const ticket = channel.before(change);
  let result: T;
  try {
    result = await write();
  } catch (err) {
    if (!ex.isTransaction) channel.cancel(ticket);
    throw err;
  }
  await channel.after(ex, change, ticket);
  return result;
}
