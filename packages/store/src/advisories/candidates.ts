import type { Executor } from '../database.ts';
import { advisoryPackageKey } from './repo.ts';

/** Names per `IN (…)` list (under both dialects' bound-parameter limits). */
const CHUNK = 500;

/** What identifies one version of a stored advisory without its record: enough to find it in a cache. */
export interface AdvisoryRef {
  id: string;
  modified: string;
  /** SHA-256 of the record (null for records written before hashes were kept). */
  content_hash: string | null;
  malicious: number;
  /** The record itself, when asked for (`withRecords`). */
  record?: string;
}

function baseOf(ecosystem: string): string {
  const i = ecosystem.indexOf(':');
  return i < 0 ? ecosystem : ecosystem.slice(0, i);
}

/**
 * `advisoriesFor` without the records: the (id, modified, content hash, malicious) of the advisories
 * naming each of `keys`, keyed by `advisoryPackageKey`; withdrawn advisories are left out. The caller
 * fetches only the records it has not parsed already (`advisoryRecords`), which an ingest against a
 * warm process mostly has; a caller that has few of them asks for the records in the same query
 * (`withRecords`) rather than reading each advisory row twice.
 */
export async function advisoryRefsFor(
  ex: Executor,
  keys: readonly { ecosystem: string; name: string }[],
  opts: { withRecords?: boolean } = {},
): Promise<Map<string, AdvisoryRef[]>> {
  const byEcosystem = new Map<string, Set<string>>();
  for (const k of keys) {
    const base = baseOf(k.ecosystem);
    let names = byEcosystem.get(base);
    if (!names) byEcosystem.set(base, (names = new Set()));
    names.add(k.name);
  }
  const out = new Map<string, AdvisoryRef[]>();
  const byId = new Map<string, AdvisoryRef>();
  for (const [base, set] of byEcosystem) {
    const names = [...set];
    for (let i = 0; i < names.length; i += CHUNK) {
      const q = ex
        .selectFrom('advisory_packages as p')
        .innerJoin('advisories as a', 'a.id', 'p.advisory_id')
        .select(['a.id', 'a.modified', 'a.content_hash', 'a.malicious', 'p.name as package_name'])
        .where('p.base_ecosystem', '=', base)
        .where('p.name', 'in', names.slice(i, i + CHUNK))
        .where('a.withdrawn', 'is', null);
      const rows: (AdvisoryRef & { package_name: string })[] = opts.withRecords
        ? await q.select('a.record').execute()
        : await q.execute();
      for (const { package_name, ...row } of rows) {
        const key = advisoryPackageKey(base, package_name);
        let shared = byId.get(row.id);
        if (!shared) byId.set(row.id, (shared = row));
        const list = out.get(key);
        if (list === undefined) out.set(key, [shared]);
        // an advisory naming the package twice (two releases) is kept once
        else if (!list.includes(shared)) list.push(shared);
      }
    }
  }
  return out;
}

/** The stored records (OSV JSON text) of `ids`, by id. */
export async function advisoryRecords(ex: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await ex
      .selectFrom('advisories')
      .select(['id', 'record'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.id, r.record);
  }
  return out;
}

// ---- the whole directory, for a process that keeps it (software module) ----------------------

/** The advisory database's write counter (migration 0038). */
export async function advisoryGeneration(ex: Executor): Promise<number> {
  const r = await ex
    .selectFrom('advisory_generation')
    .select('generation')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(r?.generation ?? 0);
}

/**
 * One page of the directory: the refs of the next `limit` advisories by id after `after` (withdrawn ones
 * left out), each with the packages it names; read a page at a time so that no single query holds
 * SQLite's connection or the event loop for long.
 */
export async function advisoryDirectoryPage(
  ex: Executor,
  after: string | null,
  limit: number,
): Promise<{ refs: (AdvisoryRef & { base_ecosystem: string; name: string })[]; last: string | null }> {
  let ids = ex.selectFrom('advisories').select('id').orderBy('id').limit(limit);
  if (after !== null) ids = ids.where('id', '>', after);
  const page = await ids.execute();
  const last = page.at(-1)?.id ?? null;
  if (last === null) return { refs: [], last };
  let q = ex
    .selectFrom('advisories as a')
    .innerJoin('advisory_packages as p', 'p.advisory_id', 'a.id')
    .select(['a.id', 'a.modified', 'a.content_hash', 'a.malicious', 'p.base_ecosystem', 'p.name'])
    .where('a.withdrawn', 'is', null)
    .where('a.id', '<=', last);
  if (after !== null) q = q.where('a.id', '>', after);
  return { refs: await q.execute(), last };
}
