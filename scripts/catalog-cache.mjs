/**
 * Bundled into the server by scripts/build.mjs (never imported by the sources): the built-in catalog
 * packs, parsed and validated once at build time instead of at every start (YAML parsing and JSON Schema
 * compilation were about a second of each start-up).
 *
 * The build wraps pack-loader.ts's parsePackYaml and parseMappingYaml with `memoParse`. A call whose
 * kind, file name, text and catalog schemas hash to an entry of dist/catalog-cache.json returns a copy
 * of the result the real function gave at build time; anything else (an edited pack, an uploaded one,
 * a changed schema) runs the real function. With SHINRAI_CATALOG_CACHE_RECORD=FILE every result is
 * recorded and written to FILE at exit (how the build makes the cache).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const CACHE_FILE = new URL('./catalog-cache.json', import.meta.url);
const RECORD = process.env.SHINRAI_CATALOG_CACHE_RECORD;
let cache;
let schemaHash;
const recorded = {};

function entries() {
  if (cache === undefined) {
    try {
      cache = JSON.parse(readFileSync(CACHE_FILE, 'utf8'));
    } catch {
      cache = {};
    }
  }
  return cache;
}

function keyOf(kind, file, text, catalogDir) {
  if (schemaHash === undefined) {
    const h = createHash('sha256');
    for (const f of ['pack.schema.json', 'mapping.schema.json'])
      h.update(readFileSync(path.join(catalogDir, 'schema', f)));
    schemaHash = h.digest('hex');
  }
  return createHash('sha256').update(`${kind}\0${file}\0${schemaHash}\0`).update(text).digest('hex');
}

if (RECORD) process.on('exit', () => writeFileSync(RECORD, JSON.stringify(recorded)));

/** `parse` with its results for the built-in catalogs precomputed at build time. */
export function memoParse(kind, parse, catalogDir) {
  return (text, file, ...rest) => {
    if (rest.length > 0 || typeof text !== 'string' || typeof file !== 'string')
      return parse(text, file, ...rest);
    const key = keyOf(kind, file, text, catalogDir);
    if (RECORD) {
      const result = parse(text, file);
      // Only what a JSON round trip gives back unchanged can be served from the cache.
      if (isDeepStrictEqual(JSON.parse(JSON.stringify(result)), result)) recorded[key] = result;
      else console.warn(`catalog cache: ${file} not cached (its parse result is not plain JSON)`);
      return result;
    }
    const hit = entries()[key];
    return hit === undefined ? parse(text, file) : structuredClone(hit);
  };
}
