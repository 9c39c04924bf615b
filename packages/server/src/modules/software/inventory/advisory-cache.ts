// Deep imports, not the package barrels: `sbom scan` loads this file (start-up time).
import type { AdvisoryRef, Executor } from '@shinrai/store';
import {
  advisoryKey,
  type AdvisoryInput,
  type CompiledRecord,
  type CompiledRecordCache,
  type OsvPackageRef,
} from '@shinrai/core/software/match';
import type { OsvRecord } from '@shinrai/core/software/osv';
import { baseEcosystem } from '@shinrai/core/software/versions';
import { advisoryGeneration, advisoryKeySet, advisoryRecords, advisoryRefsFor } from '@shinrai/store';
import { directoryAt } from './advisory-directory.ts';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Package names are compared exactly, except PyPI's, which OSV records and BOMs may spell differently
 * (PEP 503: case, `-`/`_`/`.`). The PyPI names of the advisory database are therefore read once into
 * an index keyed by `advisoryKey`, mapped to the names as stored; kept per process and dropped after an
 * import (the re-match job drops it first). Every other package is looked up directly by name through
 * the (base_ecosystem, name) index: no key set of the whole database has to be loaded first, which a
 * 100-component `sbom scan` against 200,000 advisories would mostly spend its time on.
 */
const NORMALIZED = 'PyPI';
const LOOKUP_BATCH = 5_000;
let cached: {
  generation: number;
  index: Promise<Map<string, { ecosystem: string; name: string }[]>>;
} | null = null;

export function dropAdvisoryCache(): void {
  cached = null;
}

async function load(ex: Executor): Promise<Map<string, { ecosystem: string; name: string }[]>> {
  const out = new Map<string, { ecosystem: string; name: string }[]>();
  for (const key of await advisoryKeySet(ex, { baseEcosystem: NORMALIZED })) {
    const i = key.indexOf('\u0000');
    const ecosystem = key.slice(0, i);
    const name = key.slice(i + 1);
    const mine = advisoryKey(ecosystem, name);
    const list = out.get(mine);
    if (list) list.push({ ecosystem, name });
    else out.set(mine, [{ ecosystem, name }]);
  }
  return out;
}

/**
 * The PyPI names of the advisory database by `advisoryKey`, loaded once per process and again after any
 * advisory write (the database's write counter, `generation`, says so — also a write by another instance).
 */
export function advisoryIndex(
  ex: Executor,
  generation: number,
): Promise<Map<string, { ecosystem: string; name: string }[]>> {
  if (cached?.generation !== generation) {
    const index = load(ex).catch((e: unknown) => {
      if (cached?.index === index) cached = null;
      throw e;
    });
    cached = { generation, index };
  }
  return cached.index;
}

/**
 * The advisories (id, modified, content hash, malicious; no record) that name each of `packages`, keyed
 * by `advisoryKey`; a package no advisory names has no entry. Withdrawn advisories are left out.
 * `directory`: the store a server process keeps the whole directory from (advisory-directory.ts); the
 * lookup is answered from that copy when it is current, and from the database otherwise.
 */
export async function candidateAdvisories(
  ex: Executor,
  packages: Iterable<OsvPackageRef>,
  opts: { withRecords?: boolean; directory?: Executor } = {},
): Promise<Map<string, AdvisoryRef[]>> {
  const generation = await advisoryGeneration(ex);
  // key → the (ecosystem, name) pairs to look up: the package itself, or for PyPI the stored spellings.
  const wanted = new Map<string, { ecosystem: string; name: string }[]>();
  let index: Map<string, { ecosystem: string; name: string }[]> | undefined;
  let seen = 0;
  for (const p of packages) {
    if (++seen % LOOKUP_BATCH === 0) await nextTurn();
    const key = advisoryKey(p.ecosystem, p.name);
    if (wanted.has(key)) continue;
    if (baseEcosystem(p.ecosystem) !== NORMALIZED) {
      wanted.set(key, [{ ecosystem: p.ecosystem, name: p.name }]);
      continue;
    }
    index ??= await advisoryIndex(ex, generation);
    const stored = index.get(key);
    if (stored !== undefined) wanted.set(key, stored);
  }
  const out = new Map<string, AdvisoryRef[]>();
  if (wanted.size === 0) return out;
  // Looked up a batch at a time with a turn of the event loop between: on SQLite every query runs
  // synchronously, and a 300,000-component BOM would otherwise hold the loop for all of them.
  const keys = [...wanted.values()].flat();
  const directory = opts.directory === undefined ? undefined : directoryAt(opts.directory, generation);
  let rows: { get(key: string): AdvisoryRef[] | undefined } | undefined = directory;
  if (rows === undefined) {
    const read = new Map<string, AdvisoryRef[]>();
    for (let i = 0; i < keys.length; i += LOOKUP_BATCH) {
      if (i > 0) await nextTurn();
      for (const [k, v] of await advisoryRefsFor(ex, keys.slice(i, i + LOOKUP_BATCH), opts)) read.set(k, v);
    }
    rows = read;
  }
  for (const [key, stored] of wanted) {
    // One spelling (every ecosystem but PyPI): its list as read, already without repeats.
    const only = stored.length === 1 ? stored[0] : undefined;
    if (only !== undefined) {
      const list = rows.get(`${baseEcosystem(only.ecosystem)}\u0000${only.name}`);
      if (list !== undefined && list.length > 0) out.set(key, list);
      continue;
    }
    const seen = new Set<string>();
    const list: AdvisoryRef[] = [];
    for (const s of stored) {
      for (const row of rows.get(`${baseEcosystem(s.ecosystem)}\u0000${s.name}`) ?? []) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        list.push(row);
      }
    }
    if (list.length > 0) out.set(key, list);
  }
  return out;
}

// ---- parsed and compiled records, kept across ingests ------------------------------------------

/**
 * Parsed OSV records (and, once a matcher compiled them, their compiled ranges) by the exact version of
 * the advisory — id, `modified`, content hash and the malicious mark — so a changed record is never
 * served from here: its key differs (a record stored without a content hash is never kept). Bounded,
 * least recently used first out; kept per process, so an ingest after the first reads and parses only
 * the records it has not seen (the candidate lookup goes to the database, or to the kept directory).
 */
const RECORDS_KEPT = 20_000;
const kept = new Map<string, { record: OsvRecord; compiled?: CompiledRecord }>();

/** The key of one exact version of an advisory; none for a record stored without a content hash. */
function keyOf(ref: AdvisoryRef): string | undefined {
  if (ref.content_hash === null) return undefined; // written before hashes were kept: always read
  return `${ref.id}\u0000${ref.modified}\u0000${ref.content_hash}\u0000${ref.malicious}`;
}

/**
 * Of the records the last lookup without records needed, the share that was not kept. A lookup that
 * brought its records along leaves them kept, so it counts as none missing.
 */
let lastMissRatio = 0;

/**
 * Whether the next candidate lookup should bring the records along: when most of them would have to
 * be read anyway (nothing kept yet, as in a fresh process, or the last lookup found few kept), one
 * joined query costs less than the references first and the records by id after.
 */
export function lookupWithRecords(): boolean {
  return kept.size === 0 || lastMissRatio > 0.5;
}

/** The compiled half of the kept records, for `new AdvisoryMatcher(now, compiledRecords)`. */
export const compiledRecords: CompiledRecordCache = {
  get: (key) => kept.get(key)?.compiled,
  set: (key, value) => {
    const entry = kept.get(key);
    if (entry !== undefined) entry.compiled = value;
  },
};

/** Empties the kept records (tests; a process that wants its memory back). */
export function dropKeptRecords(): void {
  kept.clear();
  lastMissRatio = 0;
}

/** The matcher inputs of `refs` by advisory id: kept records where there are, the others read and parsed. */
export async function advisoryInputs(
  ex: Executor,
  refs: Iterable<AdvisoryRef>,
): Promise<Map<string, AdvisoryInput>> {
  const out = new Map<string, AdvisoryInput>();
  const missing = new Map<string, AdvisoryRef>();
  let served = 0;
  for (const ref of refs) {
    if (out.has(ref.id) || missing.has(ref.id)) continue;
    const key = keyOf(ref);
    const entry = key === undefined ? undefined : kept.get(key);
    if (key === undefined || entry === undefined) {
      missing.set(ref.id, ref);
      continue;
    }
    kept.delete(key); // most recently used last
    kept.set(key, entry);
    out.set(ref.id, { record: entry.record, malicious: ref.malicious === 1, cacheKey: key });
    served++;
  }
  const unread = [...missing.values()].filter((r) => r.record === undefined).map((r) => r.id);
  if (served + missing.size > 0) lastMissRatio = unread.length / (served + missing.size);
  if (missing.size === 0) return out;
  const texts = unread.length === 0 ? new Map<string, string>() : await advisoryRecords(ex, unread);
  for (const [id, ref] of missing) {
    const text = ref.record ?? texts.get(id);
    if (text === undefined) continue; // deleted since the lookup: no longer a candidate
    const record = JSON.parse(text) as OsvRecord;
    const key = keyOf(ref);
    if (key !== undefined) kept.set(key, { record });
    out.set(id, { record, malicious: ref.malicious === 1, ...(key === undefined ? {} : { cacheKey: key }) });
  }
  for (const key of kept.keys()) {
    if (kept.size <= RECORDS_KEPT) break;
    kept.delete(key);
  }
  return out;
}
