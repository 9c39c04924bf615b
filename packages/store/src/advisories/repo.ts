import { CompiledQuery, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { AdvisoriesTable, AdvisoryImportsTable, AdvisoryPackagesTable } from './tables.ts';

export type AdvisoryRow = Selectable<AdvisoriesTable>;
export type AdvisoryPackageRow = Selectable<AdvisoryPackagesTable>;
export type AdvisoryImportRow = Selectable<AdvisoryImportsTable>;

/** One OSV record ready to be written, with the packages it names. */
export interface AdvisoryWrite {
  advisory: Insertable<AdvisoriesTable>;
  packages: Omit<Insertable<AdvisoryPackagesTable>, 'advisory_id'>[];
}

/** Rows per INSERT statement: the same SQL text each time, so SQLite reuses the prepared statement. */
const INSERT_CHUNK = 100;
/** Ids per `IN (…)` list. */
const ID_CHUNK = 500;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** `${baseEcosystem}\u0000${name}`: how packages are keyed for matching. */
export function advisoryPackageKey(baseEcosystem: string, name: string): string {
  return `${baseEcosystem}\u0000${name}`;
}

function baseOf(ecosystem: string): string {
  const i = ecosystem.indexOf(':');
  return i < 0 ? ecosystem : ecosystem.slice(0, i);
}

/** The stored `modified` time of each of `ids` that exists. */
/** What an import compares a record with: the stored `modified` and content hash of each id. */
export async function advisoryVersions(
  ex: Executor,
  ids: readonly string[],
): Promise<Map<string, { modified: string; contentHash: string | null }>> {
  const out = new Map<string, { modified: string; contentHash: string | null }>();
  for (const part of chunks([...new Set(ids)], ID_CHUNK)) {
    const rows = await ex
      .selectFrom('advisories')
      .select(['id', 'modified', 'content_hash'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.id, { modified: r.modified, contentHash: r.content_hash });
  }
  return out;
}

/**
 * The severity of the given advisories that have one (not "unknown"), for findings whose own record gives
 * none: Go's vulndb records carry no severity, while the GHSA or NVD record of the same issue (an alias)
 * often does.
 */
export async function knownSeverities(
  ex: Executor,
  ids: readonly string[],
): Promise<Map<string, { severity: string; score: number | null }>> {
  const out = new Map<string, { severity: string; score: number | null }>();
  for (const part of chunks([...new Set(ids)], ID_CHUNK)) {
    const rows = await ex
      .selectFrom('advisories')
      .select(['id', 'severity', 'score'])
      .where('id', 'in', part)
      .where('severity', '!=', 'unknown')
      .where('withdrawn', 'is', null)
      .execute();
    for (const r of rows) out.set(r.id, { severity: r.severity, score: r.score });
  }
  return out;
}

const ADVISORY_COLUMNS = [
  'id',
  'modified',
  'published',
  'withdrawn',
  'malicious',
  'summary',
  'aliases',
  'severity',
  'score',
  'vector',
  'record',
  'content_hash',
  'imported_at',
  'import_id',
] as const satisfies readonly (keyof AdvisoriesTable)[];
const PACKAGE_COLUMNS = [
  'advisory_id',
  'ecosystem',
  'base_ecosystem',
  'name',
] as const satisfies readonly (keyof AdvisoryPackagesTable)[];
type InsertShape = 'advisories' | 'advisory_packages';

/** The INSERT of `rows` rows of one table: the whole statement, so its placeholders suit the dialect. */
function insertQuery(ex: Executor, shape: InsertShape, rows: number): CompiledQuery {
  if (shape === 'advisory_packages') {
    const row = Object.fromEntries(PACKAGE_COLUMNS.map((c) => [c, ''])) as Insertable<AdvisoryPackagesTable>;
    return ex.insertInto('advisory_packages').values(Array<typeof row>(rows).fill(row)).compile();
  }
  const row = Object.fromEntries(ADVISORY_COLUMNS.map((c) => [c, ''])) as Insertable<AdvisoriesTable>;
  return ex
    .insertInto('advisories')
    .values(Array<typeof row>(rows).fill(row))
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) =>
          Object.fromEntries(ADVISORY_COLUMNS.slice(1).map((c) => [c, eb.ref(`excluded.${c}`)])),
        ),
    )
    .compile();
}

/**
 * SQL text of each insert shape and row count, per dialect (keyed by its adapter). A batch of 1,000
 * records is 10 advisory and ~20 package statements; building each with the query builder cost more than
 * SQLite took to run it, so the text is built once and only the parameters change.
 */
const INSERT_SQL = new WeakMap<object, Map<string, string>>();

async function insertRows(
  ex: Executor,
  shape: InsertShape,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const adapter = ex.getExecutor().adapter;
  let byShape = INSERT_SQL.get(adapter);
  if (!byShape) INSERT_SQL.set(adapter, (byShape = new Map<string, string>()));
  const key = `${shape}:${rows.length}`;
  let text = byShape.get(key);
  if (text === undefined) {
    const q = insertQuery(ex, shape, rows.length);
    if (q.parameters.length !== rows.length * columns.length)
      throw new Error(`unexpected parameters in ${shape} insert: ${q.parameters.length}`);
    byShape.set(key, (text = q.sql));
  }
  const params: unknown[] = [];
  for (const r of rows) for (const c of columns) params.push(r[c] ?? null);
  await ex.executeQuery(CompiledQuery.raw(text, params));
}

/**
 * Writes a batch of new or changed records (call it inside a transaction): the packages of records that
 * already exist are replaced, each advisory row is inserted or overwritten (multi-row INSERTs).
 */
export async function writeAdvisories(ex: Executor, batch: readonly AdvisoryWrite[]): Promise<void> {
  if (batch.length === 0) return;
  // First: on PostgreSQL the row lock orders concurrent imports, and a reader of the directory sees the
  // raised counter no earlier than the records (same commit).
  await ex
    .updateTable('advisory_generation')
    .set((eb) => ({ generation: eb('generation', '+', 1) }))
    .where('id', '=', 1)
    .execute();
  for (const part of chunks(
    batch.map((b) => b.advisory.id),
    ID_CHUNK,
  )) {
    await ex.deleteFrom('advisory_packages').where('advisory_id', 'in', part).execute();
  }
  for (const part of chunks(batch, INSERT_CHUNK)) {
    await insertRows(
      ex,
      'advisories',
      ADVISORY_COLUMNS,
      part.map((b) => b.advisory),
    );
  }
  const packages = batch.flatMap((b) => b.packages.map((p) => ({ ...p, advisory_id: b.advisory.id })));
  for (const part of chunks(packages, INSERT_CHUNK)) {
    await insertRows(ex, 'advisory_packages', PACKAGE_COLUMNS, part);
  }
}

export async function findAdvisory(ex: Executor, id: string): Promise<AdvisoryRow | undefined> {
  return ex.selectFrom('advisories').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Keys (`advisoryPackageKey`) of every package some advisory names (only of `opts.baseEcosystem` when
 * given). Withdrawn advisories are left out: they are kept in the database but never matched.
 */
export async function advisoryKeySet(
  ex: Executor,
  opts: { baseEcosystem?: string } = {},
): Promise<Set<string>> {
  let q = ex
    .selectFrom('advisory_packages as p')
    .innerJoin('advisories as a', 'a.id', 'p.advisory_id')
    .select(['p.base_ecosystem', 'p.name'])
    .distinct()
    .where('a.withdrawn', 'is', null);
  if (opts.baseEcosystem !== undefined) q = q.where('p.base_ecosystem', '=', opts.baseEcosystem);
  const rows = await q.execute();
  return new Set(rows.map((r) => advisoryPackageKey(r.base_ecosystem, r.name)));
}

/**
 * The advisories naming each of `keys` (ecosystem as in OSV or a purl mapping, with or without the
 * ":release" suffix; matched on the base ecosystem), keyed by `advisoryPackageKey`. Withdrawn advisories
 * are left out unless `includeWithdrawn`. Each advisory appears once per key.
 */
export async function advisoriesFor(
  ex: Executor,
  keys: readonly { ecosystem: string; name: string }[],
  opts: { includeWithdrawn?: boolean } = {},
): Promise<Map<string, AdvisoryRow[]>> {
  const byEcosystem = new Map<string, Set<string>>();
  for (const k of keys) {
    const base = baseOf(k.ecosystem);
    let names = byEcosystem.get(base);
    if (!names) byEcosystem.set(base, (names = new Set()));
    names.add(k.name);
  }
  // One query per chunk of names: the package index joined to the records (one pass instead of ids
  // first and records by id after); an advisory naming the package twice (two releases) is kept once.
  const out = new Map<string, AdvisoryRow[]>();
  const seen = new Map<string, Set<string>>();
  const byId = new Map<string, AdvisoryRow>();
  for (const [base, names] of byEcosystem) {
    for (const part of chunks([...names], ID_CHUNK)) {
      let q = ex
        .selectFrom('advisory_packages as p')
        .innerJoin('advisories as a', 'a.id', 'p.advisory_id')
        .selectAll('a')
        .select('p.name as package_name')
        .where('p.base_ecosystem', '=', base)
        .where('p.name', 'in', part);
      if (!opts.includeWithdrawn) q = q.where('a.withdrawn', 'is', null);
      for (const { package_name, ...row } of await q.execute()) {
        const key = advisoryPackageKey(base, package_name);
        let ids = seen.get(key);
        if (!ids) seen.set(key, (ids = new Set()));
        if (ids.has(row.id)) continue;
        ids.add(row.id);
        let shared = byId.get(row.id);
        if (!shared) byId.set(row.id, (shared = row));
        const list = out.get(key);
        if (list) list.push(shared);
        else out.set(key, [shared]);
      }
    }
  }
  return out;
}

export interface AdvisoryStatus {
  total: number;
  malicious: number;
  withdrawn: number;
  byEcosystem: { ecosystem: string; count: number }[];
  lastImport: AdvisoryImportRow | null;
}

/** Counts of the advisory database and its latest import. */
export async function advisoryStatus(ex: Executor): Promise<AdvisoryStatus> {
  const totals = await ex
    .selectFrom('advisories')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.sum<number | string | null>('malicious').as('malicious'),
      eb.fn.count<number | string>('withdrawn').as('withdrawn'),
    ])
    .executeTakeFirstOrThrow();
  const eco = await ex
    .selectFrom('advisory_packages')
    .select((eb) => ['base_ecosystem', eb.fn.count<number | string>('advisory_id').distinct().as('count')])
    .groupBy('base_ecosystem')
    .orderBy('base_ecosystem')
    .execute();
  return {
    total: Number(totals.total),
    malicious: Number(totals.malicious ?? 0),
    withdrawn: Number(totals.withdrawn),
    byEcosystem: eco.map((r) => ({ ecosystem: r.base_ecosystem, count: Number(r.count) })),
    lastImport: (await latestAdvisoryImport(ex)) ?? null,
  };
}

export async function insertAdvisoryImport(ex: Executor, row: AdvisoryImportRow): Promise<void> {
  await ex.insertInto('advisory_imports').values(row).execute();
}

export async function updateAdvisoryImport(
  ex: Executor,
  id: string,
  change: Partial<Omit<AdvisoryImportRow, 'id' | 'created_at'>>,
): Promise<void> {
  await ex.updateTable('advisory_imports').set(change).where('id', '=', id).execute();
}

export async function findAdvisoryImport(ex: Executor, id: string): Promise<AdvisoryImportRow | undefined> {
  return ex.selectFrom('advisory_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The import created last. */
export async function latestAdvisoryImport(ex: Executor): Promise<AdvisoryImportRow | undefined> {
  return ex
    .selectFrom('advisory_imports')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
