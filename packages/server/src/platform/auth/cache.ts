import type { AuthChange, AuthChannel, SessionRow, Store, UserRow } from '@shinrai/store';

/**
 * Sessions (by token hash, with their user) and memberships (organization × user → role) kept in
 * memory, so an authenticated request reads neither from the database. Bounded in size and age; every
 * write that changes them goes through the store's `authWrite`, which drops the entries here at once
 * and, on PostgreSQL, on every other instance through LISTEN/NOTIFY. While the channel cannot vouch for
 * the cache (listener down, a change of ours not yet confirmed), reads go to the database.
 * Absent rows are not cached: a new session or membership is seen at once.
 */
export interface SessionWithUser {
  session: SessionRow;
  user: UserRow;
}
export interface MembershipRow {
  role: string;
  created_at: string;
}

const MAX_ENTRIES = 10_000;
const MAX_AGE_MS = 30_000;

class Bounded<T> {
  private map = new Map<string, { value: T; at: number }>();
  constructor(
    private readonly max: number,
    private readonly maxAgeMs: number,
  ) {}
  get(key: string, now: number): T | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    if (now - e.at > this.maxAgeMs) {
      this.map.delete(key);
      return undefined;
    }
    return e.value;
  }
  set(key: string, value: T, now: number): void {
    this.map.delete(key);
    // Oldest first: Map keeps insertion order.
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, { value, at: now });
  }
  /** Replaces a value, keeping its age. */
  replace(key: string, value: T): void {
    const e = this.map.get(key);
    if (e !== undefined) e.value = value;
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  deleteWhere(test: (key: string, value: T) => boolean): void {
    for (const [k, e] of this.map) if (test(k, e.value)) this.map.delete(k);
  }
  clear(): void {
    this.map.clear();
  }
  get size(): number {
    return this.map.size;
  }
}

const memberKey = (orgId: string, userId: string) => `${orgId}\n${userId}`;

export class AuthCache {
  private readonly sessions = new Bounded<SessionWithUser>(MAX_ENTRIES, MAX_AGE_MS);
  private readonly members = new Bounded<MembershipRow>(MAX_ENTRIES, MAX_AGE_MS);
  /** Moves on every change: a value read before a change is not kept after it. */
  private generation = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: Store,
    private readonly channel: AuthChannel,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.unsubscribe = channel.subscribe((c) => this.apply(c));
  }

  apply(change: AuthChange): void {
    this.generation++;
    switch (change.kind) {
      case 'session':
        this.sessions.delete(change.id);
        break;
      case 'user':
        this.sessions.deleteWhere((_k, v) => v.user.id === change.userId);
        break;
      case 'membership':
        this.members.delete(memberKey(change.orgId, change.userId));
        break;
      case 'all':
        this.sessions.clear();
        this.members.clear();
        break;
    }
  }

  /**
   * The session and its user. A cached session past its cached expiry is read again: another
   * instance may have moved the expiry forward.
   */
  async session(id: string, now: Date): Promise<SessionWithUser | undefined> {
    const usable = this.channel.usable();
    const t = this.clock();
    if (usable) {
      const hit = this.sessions.get(id, t);
      if (hit !== undefined && new Date(hit.session.expires_at) > now) return hit;
    }
    const gen = this.generation;
    const found = await this.store.hot.sessionWithUser(id);
    if (found !== undefined && usable && gen === this.generation && this.channel.usable())
      this.sessions.set(id, found, t);
    return found;
  }

  /** After this instance moved a session's expiry forward (touchSession). */
  touched(id: string, lastSeenAt: string, expiresAt: string): void {
    const hit = this.sessions.get(id, this.clock());
    if (hit !== undefined)
      this.sessions.replace(id, {
        user: hit.user,
        session: { ...hit.session, last_seen_at: lastSeenAt, expires_at: expiresAt },
      });
  }

  async membership(orgId: string, userId: string): Promise<MembershipRow | undefined> {
    const usable = this.channel.usable();
    const key = memberKey(orgId, userId);
    const t = this.clock();
    if (usable) {
      const hit = this.members.get(key, t);
      if (hit !== undefined) return hit;
    }
    const gen = this.generation;
    const found = await this.store.hot.membership(orgId, userId);
    if (found !== undefined && usable && gen === this.generation && this.channel.usable())
      this.members.set(key, found, t);
    return found;
  }

  get sizes(): { sessions: number; memberships: number } {
    return { sessions: this.sessions.size, memberships: this.members.size };
  }

  close(): void {
    this.unsubscribe();
    this.apply({ kind: 'all' });
  }
}

/** What the request path reads authority through: the cache when the store has a channel. */
export interface AuthReads {
  session(id: string, now: Date): Promise<SessionWithUser | undefined>;
  membership(orgId: string, userId: string): Promise<MembershipRow | undefined>;
  touched(id: string, lastSeenAt: string, expiresAt: string): void;
}

const caches = new WeakMap<Store, AuthCache>();

/** Starts the cache of a store (PostgreSQL: its LISTEN connection). Stores without a channel read through. */
export async function startAuthCache(store: Store): Promise<AuthCache | null> {
  const channel = store.authChannel;
  if (channel === null) return null;
  let cache = caches.get(store);
  if (cache === undefined) {
    cache = new AuthCache(store, channel);
    caches.set(store, cache);
    await channel.start();
  }
  return cache;
}

export async function stopAuthCache(store: Store): Promise<void> {
  const cache = caches.get(store);
  if (cache === undefined) return;
  caches.delete(store);
  cache.close();
  await store.authChannel?.stop();
}

const readThrough = (store: Store): AuthReads => ({
  session: (id) => store.hot.sessionWithUser(id),
  membership: (orgId, userId) => store.hot.membership(orgId, userId),
  touched: () => undefined,
});

export function authReads(store: Store): AuthReads {
  return caches.get(store) ?? readThrough(store);
}
