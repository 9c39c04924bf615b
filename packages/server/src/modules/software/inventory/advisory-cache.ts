// Deep imports, not the package barrels: `sbom scan` loads this file (start-up time).
import type { AdvisoryRow, Executor } from '@shinrai/store';
import { advisoryKey, type OsvPackageRef } from '@shinrai/core/software/match';
import { baseEcosystem } from '@shinrai/core/software/versions';
import { advisoriesFor, advisoryKeySet } from '@shinrai/store';
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
let cached: Promise<Map<string, { ecosystem: string; name: string }[]>> | null = null;

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

/** The PyPI names of the advisory database by `advisoryKey` (loaded once per process). */
export function advisoryIndex(ex: Executor): Promise<Map<string, { ecosystem: string; name: string }[]>> {
  cached ??= load(ex).catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}

/**
 * The advisory rows that name each of `packages`, keyed by `advisoryKey`; a package no advisory names
 * has no entry. Withdrawn advisories are left out.
 */
export async function candidateAdvisories(
  ex: Executor,
  packages: Iterable<OsvPackageRef>,
): Promise<Map<string, AdvisoryRow[]>> {
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
    index ??= await advisoryIndex(ex);
    const stored = index.get(key);
    if (stored !== undefined) wanted.set(key, stored);
  }
  const out = new Map<string, AdvisoryRow[]>();
  if (wanted.size === 0) return out;
  // Looked up a batch at a time with a turn of the event loop between: on SQLite every query runs
  // synchronously, and a 300,000-component BOM would otherwise hold the loop for all of them.
  const keys = [...wanted.values()].flat();
  const rows = new Map<string, AdvisoryRow[]>();
  for (let i = 0; i < keys.length; i += LOOKUP_BATCH) {
    if (i > 0) await nextTurn();
    for (const [k, v] of await advisoriesFor(ex, keys.slice(i, i + LOOKUP_BATCH))) rows.set(k, v);
  }
  for (const [key, stored] of wanted) {
    const seen = new Set<string>();
    const list: AdvisoryRow[] = [];
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
