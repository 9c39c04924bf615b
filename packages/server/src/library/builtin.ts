import { BUILTIN_SCOPE, findCatalogVersion, insertCatalog } from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deps } from '../deps.ts';
import { CATALOG_DIR, parsePackYaml, type PackError } from './pack-loader.ts';

export const PACKS_DIR = path.join(CATALOG_DIR, 'packs');

/** Every built-in pack file, parsed and validated (tests and CI use this to prove they all validate). */
export function readBuiltinPacks(dir = PACKS_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: f, result: parsePackYaml(readFileSync(path.join(dir, f), 'utf8'), f) }));
}

/**
 * Loads the built-in packs into the database at start: a new version is stored beside the older ones
 * (assessments keep pointing at the version they were made with); an unchanged one is skipped.
 */
export async function installBuiltinPacks(deps: Deps): Promise<{ installed: string[]; errors: PackError[] }> {
  const installed: string[] = [];
  const errors: PackError[] = [];
  for (const { file, result } of readBuiltinPacks()) {
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const { pack, checksum } = result;
    await deps.store.db.transaction().execute(async (trx) => {
      const existing = await findCatalogVersion(trx, BUILTIN_SCOPE, pack.id, pack.version);
      if (existing) {
        if (existing.checksum !== checksum) {
          errors.push({
            file,
            pointer: '/version',
            message: `content changed without a new version (${pack.version})`,
          });
        }
        return;
      }
      await insertCatalog(trx, {
        id: randomUUID(),
        scope: BUILTIN_SCOPE,
        pack,
        checksum,
        now: deps.now().toISOString(),
      });
      installed.push(`${pack.id}@${pack.version}`);
    });
  }
  return { installed, errors };
}
