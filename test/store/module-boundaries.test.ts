import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * "One module, one folder": packages/store/src/<module>/ holds a module's tables (tables.ts), its
 * repository files and index.ts. A module's queries use only its own tables and the platform's; what it
 * needs of another module it gets by calling that module's functions through its index.ts. The platform
 * (organizations, users, memberships, relationships, …) is not a module: every module may read it, and it
 * uses no module. Migrations are left out: they are the recorded history of the schema (a few created the
 * tables of two modules at once, and foreign keys name other modules' tables).
 */

const SRC = fileURLToPath(new URL('../../packages/store/src/', import.meta.url));
const PLATFORM = 'platform';

/** Folders with a tables.ts: the platform and the modules. */
function moduleFolders(): string[] {
  return readdirSync(SRC)
    .filter((d) => statSync(path.join(SRC, d)).isDirectory())
    .filter((d) => {
      try {
        return statSync(path.join(SRC, d, 'tables.ts')).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/** Table names of a module: the keys of the `…Tables` interface in its tables.ts, with the interface's name. */
function ownedTables(folder: string): { name: string; tables: string[] } {
  const text = readFileSync(path.join(SRC, folder, 'tables.ts'), 'utf8');
  const m = /export interface (\w+Tables) \{([^}]*)\}/.exec(text);
  if (!m) throw new Error(`${folder}/tables.ts has no "export interface …Tables { … }"`);
  const tables = [...m[2]!.matchAll(/^\s*(\w+)\s*:/gm)].map((x) => x[1]!);
  return { name: m[1]!, tables };
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== 'migrations') out.push(...sourceFiles(full));
    } else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

/**
 * What is wrong with one source file of `folder`: imports of another module other than through its
 * index.ts (the platform may import no module at all), and string literals naming another module's
 * table, as in selectFrom('catalogs as c'), innerJoin('catalogs', …) or insertInto('catalogs').
 */
function violations(folder: string, source: string, owners: ReadonlyMap<string, string>): string[] {
  const folders = new Set(owners.values());
  const found: string[] = [];
  for (const m of source.matchAll(/from\s+'\.\.\/([\w-]+)\/([^']*)'/g)) {
    const [spec, other, rest] = [m[0], m[1]!, m[2]!];
    if (!folders.has(other) || other === folder) continue;
    if (other === PLATFORM) continue;
    if (folder === PLATFORM) found.push(`the platform imports a module: ${spec}`);
    else if (rest !== 'index.ts')
      found.push(`imports another module's internals (only its index.ts): ${spec}`);
  }
  for (const m of source.matchAll(/'([a-z_]+)(?:\s+as\s+\w+)?'/g)) {
    const owner = owners.get(m[1]!);
    if (owner === undefined || owner === folder || owner === PLATFORM) continue;
    found.push(`uses table ${m[1]} of module ${owner}: ${m[0]}`);
  }
  return found;
}

function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const folder of moduleFolders())
    for (const table of ownedTables(folder).tables) {
      const before = owners.get(table);
      if (before !== undefined) throw new Error(`table ${table} is in both ${before} and ${folder}`);
      owners.set(table, folder);
    }
  return owners;
}

describe('store modules', () => {
  it('finds the platform and the modules, each table owned by exactly one', () => {
    expect(moduleFolders()).toEqual([
      'advisories',
      'assessments',
      'cpsf',
      'governance',
      'library',
      'platform',
      'sharing',
      'sme',
      'software',
      'supplychain',
    ]);
    const owners = tableOwners();
    expect(owners.get('catalogs')).toBe('library');
    expect(owners.get('assessment_shares')).toBe('assessments');
    expect(owners.get('relationships')).toBe(PLATFORM);
  });

  it('registers every module in modules.ts (its index re-exported) and database.ts (its tables in Database)', () => {
    const registry = readFileSync(path.join(SRC, 'modules.ts'), 'utf8');
    const database =
      /export interface Database\s+extends([^{]*)\{/.exec(
        readFileSync(path.join(SRC, 'database.ts'), 'utf8'),
      )?.[1] ?? '';
    for (const folder of moduleFolders()) {
      expect(registry).toContain(`export * from './${folder}/index.ts';`);
      expect(database.split(',').map((s) => s.trim())).toContain(ownedTables(folder).name);
    }
  });

  it("keeps every module's queries on its own tables and the platform's", () => {
    const owners = tableOwners();
    const found: string[] = [];
    for (const folder of moduleFolders())
      for (const file of sourceFiles(path.join(SRC, folder)))
        for (const v of violations(folder, readFileSync(file, 'utf8'), owners))
          found.push(`${path.relative(SRC, file)}: ${v}`);
    expect(found).toEqual([]);
  });

  it('serves every module as @shinrai/store/<module>, each export also on @shinrai/store', async () => {
    const root = (await import('@shinrai/store')) as Record<string, unknown>;
    for (const folder of moduleFolders()) {
      const mod = (await import(`@shinrai/store/${folder}`)) as Record<string, unknown>;
      expect(Object.keys(mod).length, folder).toBeGreaterThan(0);
      for (const [name, value] of Object.entries(mod)) expect(root[name], `${folder}: ${name}`).toBe(value);
    }
  });

  it('would catch a join of another module, a deep import and a platform that uses a module', () => {
    const owners = tableOwners();
    expect(
      violations(
        'governance',
        [
          "import type { AssessmentsTable } from '../assessments/tables.ts';",
          "import { findAssessment } from '../assessments/index.ts';",
          "import type { Executor } from '../modules.ts';",
          "ex.selectFrom('assessments as a').innerJoin('catalogs as c', 'c.id', 'a.catalog_id')",
          ".innerJoin('organizations as o', 'o.id', 'a.org_id').selectFrom('governance_actions')",
        ].join('\n'),
        owners,
      ),
    ).toEqual([
      "imports another module's internals (only its index.ts): from '../assessments/tables.ts'",
      "uses table assessments of module assessments: 'assessments as a'",
      "uses table catalogs of module library: 'catalogs as c'",
    ]);
    expect(violations('platform', "import { listCatalogNodes } from '../library/index.ts';", owners)).toEqual(
      ["the platform imports a module: from '../library/index.ts'"],
    );
  });
});
