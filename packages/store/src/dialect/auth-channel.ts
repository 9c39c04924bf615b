import type Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { Executor } from '../database.ts';
import type { AuthChange, AuthChannel } from '../platform/auth-events.ts';

type Listener = (change: AuthChange) => void;

class Subscribers {
  private fns = new Set<Listener>();
  subscribe(fn: Listener): () => void {
    this.fns.add(fn);
    return () => this.fns.delete(fn);
  }
  emit(change: AuthChange): void {
    for (const fn of this.fns) fn(change);
  }
}

/**
 * SQLite: the server is the only process writing, except for the CLI. This instance's changes are
 * told in process; another process's commits show as a new `PRAGMA data_version` (a call into
 * SQLite, no I/O), on which everything cached is dropped.
 */
export class SqliteAuthChannel implements AuthChannel {
  private subs = new Subscribers();
  private readonly version: Sqlite.Statement;
  private seen: number;

  constructor(raw: Sqlite.Database) {
    this.version = raw.prepare('pragma data_version').pluck();
    this.seen = this.version.get() as number;
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  subscribe(fn: Listener): () => void {
    return this.subs.subscribe(fn);
  }
  usable(): boolean {
    const v = this.version.get() as number;
    if (v !== this.seen) {
      this.seen = v;
      this.subs.emit({ kind: 'all' });
    }
    return true;
  }
  before(change: AuthChange): number {
    this.subs.emit(change);
    return 0;
  }
  async after(_ex: Executor, change: AuthChange): Promise<void> {
    this.subs.emit(change);
  }
  cancel(): void {}
  mark(): number {
    return 0;
  }
  async settled(): Promise<void> {}
}

export const AUTH_CHANNEL = 'shinrai_auth';
/** A change of this instance not confirmed within this time was rolled back (or will be re-read). */
const PENDING_MS = 10_000;
const RECONNECT_MS = [100, 500, 1000, 2000, 5000];

interface Notice {
  /** the instance that wrote */
  i: string;
  /** its ticket */
  n: number;
  c: AuthChange;
}

/**
 * PostgreSQL: each write sends NOTIFY in its own transaction, which PostgreSQL delivers at commit to
 * every listening connection, this instance's included. A dedicated connection listens; while it is
 * down (and until it is back and has dropped everything), cached authority is not used. This
 * instance's own change counts as pending from before the write until its notification comes back,
 * so a read racing the write cannot keep the old value once the change is committed.
 */
export class PostgresAuthChannel implements AuthChannel {
  private subs = new Subscribers();
  private readonly instance = randomUUID();
  private seq = 0;
  private pending = new Map<number, number>();
  private client: pg.Client | null = null;
  private up = false;
  private stopped = true;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Resolved when the listener is next up (tests await it; nothing else needs to). */
  private upWaiters: (() => void)[] = [];
  /** Waiting for the pending changes after their mark to come back (see `settled`). */
  private settleWaiters: { since: number; done: () => void }[] = [];
  /** For tests: called after each notification has been applied. */
  onNotice: ((change: AuthChange, fromSelf: boolean) => void) | null = null;
  /** For tests: called when the listener goes down. */
  onDown: (() => void) | null = null;

  constructor(private readonly url: string) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.down();
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  /** Resolves when the listener is up. */
  listening(): Promise<void> {
    return this.up ? Promise.resolve() : new Promise((resolve) => this.upWaiters.push(resolve));
  }

  /** The listening connection's server process (tests end it to play a lost connection). */
  get listenerPid(): number | null {
    return (this.client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url });
    this.client = client;
    const lost = (): void => {
      if (this.client !== client) return;
      this.client = null;
      this.down();
      client.end().catch(() => undefined);
      this.reconnect();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (msg) => this.receive(msg.payload));
    try {
      await client.connect();
      await client.query(`listen ${AUTH_CHANNEL}`);
    } catch {
      lost();
      return;
    }
    if (this.client !== client) return;
    // Anything may have changed while nobody listened: start from nothing.
    this.subs.emit({ kind: 'all' });
    this.pending.clear();
    this.attempt = 0;
    this.up = true;
    for (const w of this.upWaiters.splice(0)) w();
  }

  private reconnect(): void {
    if (this.stopped || this.timer !== null) return;
    const delay = RECONNECT_MS[Math.min(this.attempt++, RECONNECT_MS.length - 1)] ?? 5000;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
    this.timer.unref();
  }

  private down(): void {
    this.up = false;
    this.wakeSettled();
    this.subs.emit({ kind: 'all' });
    this.onDown?.();
  }

  private receive(payload: string | undefined): void {
    let notice: Notice;
    try {
      notice = JSON.parse(payload ?? '') as Notice;
    } catch {
      notice = { i: '', n: 0, c: { kind: 'all' } };
    }
    this.subs.emit(notice.c);
    const fromSelf = notice.i === this.instance;
    if (fromSelf) {
      this.pending.delete(notice.n);
      this.wakeSettled();
    }
    this.onNotice?.(notice.c, fromSelf);
  }

  subscribe(fn: Listener): () => void {
    return this.subs.subscribe(fn);
  }

  usable(): boolean {
    if (!this.up) return false;
    if (this.pending.size === 0) return true;
    const now = Date.now();
    for (const [n, at] of this.pending) if (now - at > PENDING_MS) this.pending.delete(n);
    return this.pending.size === 0;
  }

  before(change: AuthChange): number {
    const ticket = ++this.seq;
    // A store that never listens (the CLI, repository code) still announces; keep its list short.
    if (!this.up && this.pending.size > 100) this.pending.clear();
    this.pending.set(ticket, Date.now());
    this.subs.emit(change);
    return ticket;
  }

  async after(ex: Executor, change: AuthChange, ticket: number): Promise<void> {
    this.subs.emit(change);
    const notice: Notice = { i: this.instance, n: ticket, c: change };
    await sql`select pg_notify(${AUTH_CHANNEL}, ${JSON.stringify(notice)})`.execute(ex);
  }

  cancel(ticket: number): void {
    this.pending.delete(ticket);
    this.wakeSettled();
  }

  mark(): number {
    return this.seq;
  }

  settled(maxMs: number, since = 0): Promise<void> {
    if (!this.up || this.clearSince(since)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = {
        since,
        done: (): void => {
          clearTimeout(timer);
          this.settleWaiters = this.settleWaiters.filter((w) => w !== waiter);
          resolve();
        },
      };
      const timer = setTimeout(waiter.done, maxMs);
      timer.unref();
      this.settleWaiters.push(waiter);
    });
  }

  /** No change of this instance newer than ticket `since` is still waiting for its notification. */
  private clearSince(since: number): boolean {
    for (const n of this.pending.keys()) if (n > since) return false;
    return true;
  }

  private wakeSettled(): void {
    for (const w of [...this.settleWaiters]) if (!this.up || this.clearSince(w.since)) w.done();
  }
}
