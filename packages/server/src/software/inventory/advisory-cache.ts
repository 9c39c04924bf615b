// Deep imports, not the package barrels: `sbom scan` loads this file (start-up time).
import type { AdvisoryRow, Executor } from '@shinrai/store';
import { advisoryKey, type OsvPackageRef } from '../../../../core/src/software/match/osv-package.ts';
import { baseEcosystem } from '../../../../core/src/software/versions/schemes.ts';
import { advisoriesFor, advisoryKeySet } from '../../../../store/src/repos/advisories.ts';

/**
 * The prefilter of matching: every package that has an advisory, keyed by `advisoryKey` (PyPI names
 * PEP 503-normalized), mapped to the package names as the advisory database stores them. Kept per
 * process and dropped after an import (the re-match job drops it first).
 */
let cached: Promise<Map<string, { ecosystem: string; name: string }[]>> | null = null;

export function dropAdvisoryCache(): void {
  cached = null;
}

async function load(ex: Executor): Promise<Map<string, { ecosystem: string; name: string }[]>> {
  const out = new Map<string, { ecosystem: string; name: string }[]>();
  for (const key of await advisoryKeySet(ex)) {
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

export function advisoryIndex(ex: Executor): Promise<Map<string, { ecosystem: string; name: string }[]>> {
  cached ??= load(ex).catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}

/**
 * The advisory rows that name each of `packages`, keyed by `advisoryKey`. Only packages the prefilter
 * knows reach the database.
 */
export async function candidateAdvisories(
  ex: Executor,
  packages: Iterable<OsvPackageRef>,
): Promise<Map<string, AdvisoryRow[]>> {
  const index = await advisoryIndex(ex);
  const wanted = new Map<string, { ecosystem: string; name: string }[]>();
  for (const p of packages) {
    const key = advisoryKey(p.ecosystem, p.name);
    const stored = index.get(key);
    if (stored !== undefined) wanted.set(key, stored);
  }
  const out = new Map<string, AdvisoryRow[]>();
  if (wanted.size === 0) return out;
  const rows = await advisoriesFor(ex, [...wanted.values()].flat());
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
    out.set(key, list);
  }
  return out;
}
