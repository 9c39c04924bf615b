import {
  BUILTIN_SCOPE,
  findCatalogVersion,
  findMappingSetVersion,
  getSetting,
  insertCatalog,
  insertMappingSet,
  setSetting,
} from '@shinrai/store';
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deps } from '../../platform/deps.ts';
import { CATALOG_DIR, parseMappingYaml, parsePackYaml, type PackError } from './pack-loader.ts';

export const PACKS_DIR = path.join(CATALOG_DIR, 'packs');
export const MAPPINGS_DIR = path.join(CATALOG_DIR, 'mappings');

/** Every built-in pack file, parsed and validated (tests and CI use this to prove they all validate). */
export function readBuiltinPacks(dir = PACKS_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: f, result: parsePackYaml(readFileSync(path.join(dir, f), 'utf8'), f) }));
}

const INSTALLED_KEY = 'library.builtin.checksum';

/** One checksum over the names and bytes of every built-in pack and mapping file (no parsing). */
export function builtinFilesChecksum(packsDir = PACKS_DIR, mappingsDir = MAPPINGS_DIR): string {
  const hash = createHash('sha256');
  for (const dir of [packsDir, mappingsDir]) {
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.yaml'))
      .sort()) {
      hash.update(`${path.basename(dir)}/${f}\0`).update(readFileSync(path.join(dir, f)));
    }
  }
  return hash.digest('hex');
}

/**
 * Loads the built-in packs into the database at start: a new version is stored beside the older ones
 * (assessments keep pointing at the version they were made with); an unchanged one is skipped. When
 * the files are byte for byte those installed last time (one checksum, recorded after a clean
 * install), nothing is parsed: a start no longer parses every pack.
 */
export async function installBuiltinPacks(deps: Deps): Promise<{ installed: string[]; errors: PackError[] }> {
  const checksum = builtinFilesChecksum();
  if ((await getSetting(deps.store.db, INSTALLED_KEY)) === checksum) return { installed: [], errors: [] };
  const result = await installParsedPacks(deps);
  if (result.errors.length === 0) await setSetting(deps.store.db, INSTALLED_KEY, checksum);
  return result;
}

async function installParsedPacks(deps: Deps): Promise<{ installed: string[]; errors: PackError[] }> {
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
  for (const { file, result } of readBuiltinMappings()) {
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const { mapping, checksum } = result;
    const existing = await findMappingSetVersion(deps.store.db, BUILTIN_SCOPE, mapping.id, mapping.version);
    if (existing) {
      if (existing.checksum !== checksum)
        errors.push({
          file,
          pointer: '/version',
          message: `content changed without a new version (${mapping.version})`,
        });
      continue;
    }
    await insertMappingSet(deps.store.db, {
      id: randomUUID(),
      scope: BUILTIN_SCOPE,
      urn: mapping.id,
      version: mapping.version,
      source_urn: mapping.source,
      target_urn: mapping.target,
      title_ja: mapping.title.ja,
      title_en: mapping.title.en,
      provenance: mapping.provenance,
      entries: JSON.stringify(mapping.entries),
      checksum,
      created_at: deps.now().toISOString(),
    });
    installed.push(`${mapping.id}@${mapping.version}`);
  }
  return { installed, errors };
}

export function readBuiltinMappings(dir = MAPPINGS_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: f, result: parseMappingYaml(readFileSync(path.join(dir, f), 'utf8'), f) }));
}
